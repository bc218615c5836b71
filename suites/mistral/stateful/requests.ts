// Request builders for the Files, Fine-tuning, Models and Batch operations the chains use. Ids are
// always path-encoded here, so callers pass the raw id a response gave them.
import type { RequestSpec } from '../../engine/types.js';
import { MISTRAL_OPS } from '../operation-ids.js';

export const OP = MISTRAL_OPS;

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
  createJob: (body: unknown, dryRun: boolean): RequestSpec =>
    req('POST', '/v1/fine_tuning/jobs', dryRun ? [['dry_run', 'true']] : [], { kind: 'json', value: body }),
  getJob: (id: string): RequestSpec => req('GET', `/v1/fine_tuning/jobs/${seg(id)}`),
  cancelJob: (id: string): RequestSpec => req('POST', `/v1/fine_tuning/jobs/${seg(id)}/cancel`),
  startJob: (id: string): RequestSpec => req('POST', `/v1/fine_tuning/jobs/${seg(id)}/start`),
  updateModel: (id: string, body: { name?: string; description?: string }): RequestSpec =>
    req('PATCH', `/v1/fine_tuning/models/${seg(id)}`, [], { kind: 'json', value: body }),
  archiveModel: (id: string): RequestSpec => req('POST', `/v1/fine_tuning/models/${seg(id)}/archive`),
  unarchiveModel: (id: string): RequestSpec => req('DELETE', `/v1/fine_tuning/models/${seg(id)}/archive`),
  retrieveModel: (id: string): RequestSpec => req('GET', `/v1/models/${seg(id)}`),
  deleteModel: (id: string): RequestSpec => req('DELETE', `/v1/models/${seg(id)}`),
  listBatches: (query: Array<[string, string]> = []): RequestSpec => req('GET', '/v1/batch/jobs', query),
  createBatch: (body: unknown): RequestSpec => req('POST', '/v1/batch/jobs', [], { kind: 'json', value: body }),
  getBatch: (id: string): RequestSpec => req('GET', `/v1/batch/jobs/${seg(id)}`),
  cancelBatch: (id: string): RequestSpec => req('POST', `/v1/batch/jobs/${seg(id)}/cancel`),
};
