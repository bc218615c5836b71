// msw 2 handlers serving a FakeStore as the Files, Fine-tuning, Models and Batch API, with the answer
// shapes of the spec (and of the real API where the spec is silent: events newest first, 404 errors
// as {object:"error", message}).
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { FakeBatch, FakeFile, FakeJob, FakeModel, FakeStore } from './fake-store.js';

const notFound = (what: string) =>
  HttpResponse.json({ object: 'error', message: `${what} not found`, type: 'invalid_request_error', param: null, code: null }, { status: 404 });

function fileOut(f: FakeFile, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const lines = new TextDecoder()
    .decode(f.bytes)
    .split('\n')
    .filter((l) => l !== '').length;
  return {
    id: f.id,
    object: 'file',
    bytes: f.bytes.length,
    created_at: f.created_at,
    filename: f.filename,
    purpose: f.purpose,
    sample_type: f.purpose === 'batch' ? 'batch_request' : 'instruct',
    num_lines: lines,
    source: 'upload',
    ...extra,
  };
}

function jobOut(j: FakeJob, detailed: boolean): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: j.id,
    auto_start: j.auto_start,
    hyperparameters: { training_steps: 1, learning_rate: 0.0001 },
    model: j.model,
    status: j.status,
    job_type: 'FT',
    created_at: j.created_at,
    modified_at: j.modified_at,
    training_files: j.training_files,
    validation_files: [],
    object: 'job',
    fine_tuned_model: j.fine_tuned_model,
    suffix: j.suffix,
    integrations: [],
    trained_tokens: null,
    repositories: [],
    metadata: null,
  };
  if (detailed) {
    base.events = [...j.events].reverse(); // the real API lists newest first
    base.checkpoints =
      j.status === 'SUCCESS'
        ? [{ metrics: { train_loss: 0.8, valid_loss: null, valid_mean_token_accuracy: null }, step_number: 1, created_at: j.modified_at }]
        : [];
  }
  return base;
}

function batchOut(b: FakeBatch): Record<string, unknown> {
  return {
    id: b.id,
    object: 'batch',
    input_files: b.input_files,
    metadata: b.metadata,
    endpoint: b.endpoint,
    model: b.model,
    output_file: null,
    error_file: null,
    errors: [],
    status: b.status,
    created_at: b.created_at,
    total_requests: 1,
    completed_requests: 0,
    succeeded_requests: 0,
    failed_requests: 0,
    started_at: null,
    completed_at: null,
  };
}

function modelCard(m: FakeModel): Record<string, unknown> {
  return {
    id: m.id,
    object: 'model',
    created: m.created,
    owned_by: 'org',
    capabilities: { completion_chat: true, completion_fim: false, function_calling: false, fine_tuning: false, vision: false },
    name: m.name,
    description: m.description,
    max_context_length: 32768,
    aliases: [],
    deprecation: null,
    type: 'fine-tuned',
    job: m.job,
    root: m.root,
    archived: m.archived,
  };
}

function ftModelOut(m: FakeModel): Record<string, unknown> {
  return {
    id: m.id,
    object: 'model',
    created: m.created,
    owned_by: 'org',
    root: m.root,
    archived: m.archived,
    name: m.name,
    description: m.description,
    capabilities: { completion_chat: true, completion_fim: false, function_calling: false, fine_tuning: false },
    max_context_length: 32768,
    aliases: [],
    job: m.job,
  };
}

/** Sorted newest first, filtered, paged; `total` counts the filtered set. */
function page<T>(store: FakeStore, url: URL, all: T[], keep: (item: T, q: URLSearchParams) => boolean, render: (item: T) => unknown): Response {
  const q = url.searchParams;
  const filtered = store.has('filter-ignored') ? all : all.filter((i) => keep(i, q));
  const p = Number(q.get('page') ?? 0);
  const size = Number(q.get('page_size') ?? 100);
  const start = store.has('page-duplicates') ? 0 : p * size;
  const data = filtered.slice(start, start + size).map(render);
  return HttpResponse.json({ data, object: 'list', total: filtered.length + (store.has('wrong-total') ? 1 : 0) });
}

const after = (created: number, q: URLSearchParams): boolean => !q.get('created_after') || created >= Math.floor(Date.parse(q.get('created_after')!) / 1000);

export function fakeHandlers(store: FakeStore, base: string): HttpHandler[] {
  const ghosts = new Map<string, FakeFile>(); // deleted files a faulty server still serves
  const findFile = (id: string): FakeFile | undefined => store.files.get(id) ?? ghosts.get(id);
  const unknownFile = (id: string): FakeFile => ({
    id,
    filename: 'unknown.jsonl',
    purpose: 'fine-tune',
    bytes: new Uint8Array(),
    created_at: 1,
    preexisting: true,
  });
  return [
    http.post(`${base}/v1/files`, async ({ request }) => {
      const form = await request.formData();
      const file = form.get('file');
      if (!(file instanceof Blob)) return HttpResponse.json({ detail: [{ type: 'missing', loc: ['body', 'file'], msg: 'Field required' }] }, { status: 422 });
      const name = (file as File).name || 'upload.jsonl';
      const f = store.addFile(name, String(form.get('purpose') ?? 'fine-tune'), new Uint8Array(await file.arrayBuffer()));
      return HttpResponse.json(fileOut(f));
    }),
    http.get(`${base}/v1/files`, ({ request }) => {
      const files = [...store.files.values()].filter((f) => !(store.has('file-missing-from-list') && !f.preexisting)).reverse();
      return page(
        store,
        new URL(request.url),
        files,
        (f, q) => (!q.get('purpose') || f.purpose === q.get('purpose')) && (!q.get('search') || f.filename.includes(q.get('search')!)),
        (f) => fileOut(f),
      );
    }),
    http.get(`${base}/v1/files/:id`, ({ params }) => {
      const id = String(params.id);
      const f = findFile(id) ?? (store.has('unknown-id-200') ? unknownFile(id) : undefined);
      return f ? HttpResponse.json(fileOut(f, { deleted: false })) : notFound('File');
    }),
    http.get(`${base}/v1/files/:id/content`, ({ params }) => {
      const f = findFile(String(params.id));
      if (!f) return notFound('File');
      const bytes = store.has('download-bytes-differ') ? f.bytes.slice(0, -1) : f.bytes; // trailing newline lost
      return new HttpResponse(bytes, { headers: { 'content-type': 'application/octet-stream' } });
    }),
    http.delete(`${base}/v1/files/:id`, ({ params }) => {
      const id = String(params.id);
      const f = store.files.get(id);
      if (!f) return ghosts.has(id) ? HttpResponse.json({ id, object: 'file', deleted: true }) : notFound('File');
      store.files.delete(id);
      if (store.has('deleted-file-retrievable')) ghosts.set(id, f);
      return HttpResponse.json({ id, object: 'file', deleted: true });
    }),
    http.get(`${base}/v1/fine_tuning/jobs`, ({ request }) =>
      page(
        store,
        new URL(request.url),
        [...store.jobs.values()].reverse(),
        (j, q) =>
          (!q.get('status') || j.status === q.get('status')) &&
          (!q.get('model') || j.model === q.get('model')) &&
          (!q.get('suffix') || j.suffix === q.get('suffix')) &&
          after(j.created_at, q),
        (j) => jobOut(j, false),
      ),
    ),
    http.post(`${base}/v1/fine_tuning/jobs`, async ({ request }) => {
      const body = (await request.json()) as { model: string; suffix?: string; training_files?: Array<{ file_id: string }>; auto_start?: boolean };
      const dryRun = new URL(request.url).searchParams.get('dry_run') === 'true';
      if (dryRun && !store.has('dry-run-creates-job')) {
        return HttpResponse.json({
          object: 'job.metadata',
          details: '',
          expected_duration_seconds: 60,
          cost: 1,
          cost_currency: 'EUR',
          train_tokens_per_step: 1,
          train_tokens: 10,
          data_tokens: 10,
          estimated_start_time: null,
          deprecated: true,
          epochs: 1,
          training_steps: 1,
        });
      }
      const job = store.addJob({
        model: body.model,
        suffix: body.suffix ?? null,
        training_files: (body.training_files ?? []).map((t) => t.file_id),
        auto_start: body.auto_start ?? true,
      });
      return HttpResponse.json(jobOut(job, false));
    }),
    http.get(`${base}/v1/fine_tuning/jobs/:id`, ({ params }) => {
      const job = store.jobs.get(String(params.id));
      if (!job)
        return store.has('unknown-id-200') ? HttpResponse.json(jobOut({ ...store.jobs.values().next().value!, id: String(params.id) }, true)) : notFound('Job');
      store.advanceJob(job);
      return HttpResponse.json(jobOut(job, true));
    }),
    http.post(`${base}/v1/fine_tuning/jobs/:id/start`, ({ params }) => {
      const job = store.jobs.get(String(params.id));
      if (!job) return notFound('Job');
      if (job.status !== 'VALIDATED')
        return HttpResponse.json({ object: 'error', message: 'Job is not validated', type: 'invalid_request_error' }, { status: 400 });
      store.startJob(job);
      return HttpResponse.json(jobOut(job, true));
    }),
    http.post(`${base}/v1/fine_tuning/jobs/:id/cancel`, ({ params }) => {
      const job = store.jobs.get(String(params.id));
      if (!job) return notFound('Job');
      store.cancelJob(job);
      return HttpResponse.json(jobOut(job, true));
    }),
    http.patch(`${base}/v1/fine_tuning/models/:id`, async ({ params, request }) => {
      const m = store.models.get(String(params.id));
      if (!m) return notFound('Model');
      const body = (await request.json()) as { name?: string; description?: string };
      if (body.name !== undefined) m.name = body.name;
      if (body.description !== undefined) m.description = body.description;
      return HttpResponse.json(ftModelOut(m));
    }),
    http.post(`${base}/v1/fine_tuning/models/:id/archive`, ({ params }) => {
      const m = store.models.get(String(params.id));
      if (!m) return notFound('Model');
      m.archived = true;
      return HttpResponse.json({ id: m.id, object: 'model', archived: true });
    }),
    http.delete(`${base}/v1/fine_tuning/models/:id/archive`, ({ params }) => {
      const m = store.models.get(String(params.id));
      if (!m) return notFound('Model');
      m.archived = false;
      return HttpResponse.json({ id: m.id, object: 'model', archived: false });
    }),
    http.get(`${base}/v1/models/:id`, ({ params }) => {
      const m = store.models.get(String(params.id));
      return m ? HttpResponse.json(modelCard(m)) : notFound('Model');
    }),
    http.delete(`${base}/v1/models/:id`, ({ params }) => {
      const id = String(params.id);
      if (!store.models.delete(id)) return notFound('Model');
      return HttpResponse.json({ id, object: 'model', deleted: true });
    }),
    http.get(`${base}/v1/batch/jobs`, ({ request }) =>
      page(
        store,
        new URL(request.url),
        [...store.batches.values()].reverse(),
        (b, q) => (!q.get('status') || b.status === q.get('status')) && (!q.get('model') || b.model === q.get('model')) && after(b.created_at, q),
        batchOut,
      ),
    ),
    http.post(`${base}/v1/batch/jobs`, async ({ request }) => {
      const body = (await request.json()) as { model: string; endpoint: string; input_files: string[]; metadata?: Record<string, string> };
      return HttpResponse.json(
        batchOut(store.addBatch({ model: body.model, endpoint: body.endpoint, input_files: body.input_files, metadata: body.metadata ?? null })),
      );
    }),
    http.get(`${base}/v1/batch/jobs/:id`, ({ params }) => {
      const b = store.batches.get(String(params.id));
      if (!b) return notFound('Batch job');
      store.advanceBatch(b);
      return HttpResponse.json(batchOut(b));
    }),
    http.post(`${base}/v1/batch/jobs/:id/cancel`, ({ params }) => {
      const b = store.batches.get(String(params.id));
      if (!b) return notFound('Batch job');
      store.cancelBatch(b);
      return HttpResponse.json(batchOut(b));
    }),
  ];
}
