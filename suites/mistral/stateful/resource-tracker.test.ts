import { describe, expect, it } from 'vitest';
import { ResourceTracker } from './resource-tracker.js';
import { OP } from './requests.js';
import { ex } from './test-support/exchanges.js';

const J = '22222222-2222-4222-8222-222222222222';

describe('ResourceTracker', () => {
  it('records creations, follows jobs, and cleans models, then live jobs, then files', () => {
    const t = new ResourceTracker();
    t.trackCreated(ex('POST', '/v1/files', 200, { id: 'f1' }), { operationId: OP.uploadFile });
    t.trackCreated(ex('POST', '/v1/files', 200, { id: 'f2' }), { operationId: OP.uploadFile });
    t.trackCreated(ex('POST', '/v1/files', 422, { detail: [] }), { operationId: OP.uploadFile });
    t.trackCreated(ex('POST', '/v1/fine_tuning/jobs', 200, { id: J, status: 'QUEUED' }), { operationId: OP.createJob });
    t.trackCreated(ex('GET', `/v1/fine_tuning/jobs/${J}`, 200, { id: J, status: 'SUCCESS', fine_tuned_model: 'ft:m:x:1' }), { operationId: OP.getJob });
    t.trackCreated(ex('POST', '/v1/batch/jobs', 200, { id: 'b1', status: 'QUEUED' }), { operationId: OP.createBatch });
    t.trackCreated(ex('GET', '/v1/batch/jobs', 200, { data: [{ id: 'b1', status: 'RUNNING', output_file: 'out1' }], total: 1 }), {
      operationId: OP.listBatches,
    });
    t.trackCreated(ex('DELETE', '/v1/files/f2', 200, { id: 'f2', deleted: true }), { operationId: OP.deleteFile });
    const plan = t.cleanupRequests().map((c) => `${c.kind} ${c.request.method} ${c.request.path}`);
    expect(plan).toEqual([
      'model DELETE /v1/models/ft%3Am%3Ax%3A1',
      'batch-job POST /v1/batch/jobs/b1/cancel',
      'file DELETE /v1/files/f1',
      'file DELETE /v1/files/out1',
    ]);
  });

  it('ignores dry runs, listings of resources it did not create, and deletes of others', () => {
    const t = new ResourceTracker();
    t.trackCreated(ex('POST', '/v1/fine_tuning/jobs?dry_run=true', 200, { object: 'job.metadata', details: '' }), { operationId: OP.createJob });
    t.trackCreated(ex('POST', '/v1/fine_tuning/jobs?dry_run=true', 200, { id: J, status: 'QUEUED' }), { operationId: OP.createJob });
    t.trackCreated(ex('GET', '/v1/files', 200, { data: [{ id: 'theirs' }], total: 1 }), { operationId: OP.listFiles });
    t.trackCreated(ex('GET', '/v1/fine_tuning/jobs', 200, { data: [{ id: 'old', status: 'SUCCESS', fine_tuned_model: 'ft:theirs' }], total: 1 }), {
      operationId: OP.listJobs,
    });
    expect(t.cleanupRequests()).toEqual([]);
    expect(t.report().created).toEqual([]);
  });

  it('does not cancel a job already cancelling, and reports clean-up outcomes (404 = already gone)', () => {
    const t = new ResourceTracker();
    t.trackCreated(ex('POST', '/v1/fine_tuning/jobs', 200, { id: J, status: 'QUEUED' }), { operationId: OP.createJob });
    t.trackCreated(ex('POST', `/v1/fine_tuning/jobs/${J}/cancel`, 200, { id: J, status: 'CANCELLATION_REQUESTED' }), { operationId: OP.cancelJob });
    t.trackCreated(ex('POST', '/v1/files', 200, { id: 'f1' }), { operationId: OP.uploadFile });
    t.trackCreated(ex('POST', '/v1/files', 200, { id: 'f2' }), { operationId: OP.uploadFile });
    expect(t.cleanupRequests().map((c) => c.id)).toEqual(['f1', 'f2']);
    t.recordCleanup('file', 'f1', ex('DELETE', '/v1/files/f1', 404, {}));
    const report = t.recordCleanup('file', 'f2', ex('DELETE', '/v1/files/f2', 409, { message: 'in use' }));
    // The job being cancelled by the run's own step needs nothing more: it counts as cleaned up.
    expect(report.cleaned).toEqual([
      { kind: 'file', id: 'f1' },
      { kind: 'fine-tuning-job', id: J },
    ]);
    expect(report.failed).toEqual([{ kind: 'file', id: 'f2', reason: 'HTTP 409: in use' }]);
    expect(t.cleanupRequests().map((c) => c.id)).toEqual(['f2']);
  });

  it('reports each change once, as it happens: created with its undo, removed once deleted or over', () => {
    const t = new ResourceTracker();
    const names = (c: ReturnType<ResourceTracker['changes']>): string[] => [
      ...(c.created ?? []).map((r) => `+${r.kind}:${r.id} ${r.undo.method} ${r.undo.path} #${r.order}`),
      ...(c.removed ?? []).map((r) => `-${r.kind}:${r.id}`),
    ];
    t.trackCreated(ex('POST', '/v1/files', 200, { id: 'f1' }), { operationId: OP.uploadFile });
    expect(names(t.changes())).toEqual(['+file:f1 DELETE /v1/files/f1 #3']);
    expect(names(t.changes())).toEqual([]);
    t.trackCreated(ex('POST', '/v1/fine_tuning/jobs', 200, { id: J, status: 'QUEUED' }), { operationId: OP.createJob });
    t.trackCreated(ex('GET', `/v1/fine_tuning/jobs/${J}`, 200, { id: J, status: 'SUCCESS', fine_tuned_model: 'ft:m' }), { operationId: OP.getJob });
    expect(names(t.changes())).toEqual(['+model:ft:m DELETE /v1/models/ft%3Am #0']);
    t.trackCreated(ex('DELETE', '/v1/files/f1', 200, { id: 'f1', deleted: true }), { operationId: OP.deleteFile });
    expect(names(t.changes())).toEqual(['-file:f1']);
  });
});
