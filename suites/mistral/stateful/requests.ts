// Request builders for the Files, Fine-tuning, Models and Batch operations the chains use. Ids are
// always path-encoded here, so callers pass the raw id a response gave them.
import type { RequestSpec } from '../../engine/types.js';

export const OP = {
  uploadFile: 'files_api_routes_upload_file',
  listFiles: 'files_api_routes_list_files',
  retrieveFile: 'files_api_routes_retrieve_file',
  deleteFile: 'files_api_routes_delete_file',
  downloadFile: 'files_api_routes_download_file',
  listJobs: 'jobs_api_routes_fine_tuning_get_fine_tuning_jobs',
  createJob: 'jobs_api_routes_fine_tuning_create_fine_tuning_job',
  getJob: 'jobs_api_routes_fine_tuning_get_fine_tuning_job',
  cancelJob: 'jobs_api_routes_fine_tuning_cancel_fine_tuning_job',
  startJob: 'jobs_api_routes_fine_tuning_start_fine_tuning_job',
  updateModel: 'jobs_api_routes_fine_tuning_update_fine_tuned_model',
  archiveModel: 'jobs_api_routes_fine_tuning_archive_fine_tuned_model',
  unarchiveModel: 'jobs_api_routes_fine_tuning_unarchive_fine_tuned_model',
  retrieveModel: 'retrieve_model_v1_models__model_id__get',
  deleteModel: 'delete_model_v1_models__model_id__delete',
  listBatches: 'jobs_api_routes_batch_get_batch_jobs',
  createBatch: 'jobs_api_routes_batch_create_batch_job',
  getBatch: 'jobs_api_routes_batch_get_batch_job',
  cancelBatch: 'jobs_api_routes_batch_cancel_batch_job',
} as const;

const seg = encodeURIComponent;

function req(method: string, path: string, query: Array<[string, string]> = [], body?: RequestSpec['body']): RequestSpec {
  const r: RequestSpec = { method, path, query, headers: {}, auth: { kind: 'default' } };
  if (body) r.body = body;
  return r;
}

export const requests = {
  uploadFile: (filename: string, purpose: string, content: Uint8Array): RequestSpec =>
    req('POST', '/v1/files', [], {
      kind: 'multipart',
      parts: [
        { name: 'purpose', value: purpose },
        { name: 'file', value: content, filename, contentType: 'application/jsonl' },
      ],
    }),
  listFiles: (query: Array<[string, string]> = []): RequestSpec => req('GET', '/v1/files', query),
  retrieveFile: (id: string): RequestSpec => req('GET', `/v1/files/${seg(id)}`),
  deleteFile: (id: string): RequestSpec => req('DELETE', `/v1/files/${seg(id)}`),
  downloadFile: (id: string): RequestSpec => req('GET', `/v1/files/${seg(id)}/content`),
  listJobs: (query: Array<[string, string]> = []): RequestSpec => req('GET', '/v1/fine_tuning/jobs', query),
  createJob: (body: unknown, dryRun: boolean): RequestSpec => req('POST', '/v1/fine_tuning/jobs', dryRun ? [['dry_run', 'true']] : [], { kind: 'json', value: body }),
  getJob: (id: string): RequestSpec => req('GET', `/v1/fine_tuning/jobs/${seg(id)}`),
  cancelJob: (id: string): RequestSpec => req('POST', `/v1/fine_tuning/jobs/${seg(id)}/cancel`),
  startJob: (id: string): RequestSpec => req('POST', `/v1/fine_tuning/jobs/${seg(id)}/start`),
  updateModel: (id: string, body: { name?: string; description?: string }): RequestSpec => req('PATCH', `/v1/fine_tuning/models/${seg(id)}`, [], { kind: 'json', value: body }),
  archiveModel: (id: string): RequestSpec => req('POST', `/v1/fine_tuning/models/${seg(id)}/archive`),
  unarchiveModel: (id: string): RequestSpec => req('DELETE', `/v1/fine_tuning/models/${seg(id)}/archive`),
  retrieveModel: (id: string): RequestSpec => req('GET', `/v1/models/${seg(id)}`),
  deleteModel: (id: string): RequestSpec => req('DELETE', `/v1/models/${seg(id)}`),
  listBatches: (query: Array<[string, string]> = []): RequestSpec => req('GET', '/v1/batch/jobs', query),
  createBatch: (body: unknown): RequestSpec => req('POST', '/v1/batch/jobs', [], { kind: 'json', value: body }),
  getBatch: (id: string): RequestSpec => req('GET', `/v1/batch/jobs/${seg(id)}`),
  cancelBatch: (id: string): RequestSpec => req('POST', `/v1/batch/jobs/${seg(id)}/cancel`),
};
