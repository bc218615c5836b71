// Batch lifecycle (costly: a batch runs inference; only with allowCostly): upload a batch input file
// (JSONL of {custom_id, body} for /v1/chat/completions) → create a job → get → list (model and
// created_after; status) → cancel → poll → delete the input file once the job is over.
import type { TestCase } from '../../../engine/types.js';
import { batchLines, chainInputs, jsonl, toBase64 } from '../generate-inputs.js';
import { OP, requests } from '../requests.js';
import { statefulEnums } from '../spec-enums.js';
import { batchMachine, isFinal } from '../state-machine.js';
import { Chain } from './chain.js';
import { batchModel } from './pick-models.js';
import type { ScenarioContext } from './scenario-context.js';

export const BATCH_POLLS = 4;

export function batchLifecycle(ctx: ScenarioContext): TestCase {
  const inputs = chainInputs(ctx.seed + 2);
  const endpoints = statefulEnums(ctx.spec).batchEndpoints;
  const endpoint = endpoints.includes('/v1/chat/completions') ? '/v1/chat/completions' : (endpoints[0] ?? '/v1/chat/completions');
  const model = batchModel(ctx.info);
  const filename = `mc-${inputs.runTag}-batch.jsonl`;
  const bytes = jsonl(batchLines(inputs.batchPrompts, ctx.info.maxTokens));
  const c = new Chain();

  const upload = c.add('upload batch input file', OP.uploadFile, requests.uploadFile(filename, 'batch', bytes), {
    role: 'create',
    resource: 'file',
    upload: { filename, purpose: 'batch', contentBase64: toBase64(bytes) },
  });
  const job = c.add(
    'create batch job',
    OP.createBatch,
    c.on(upload, (fileId) => requests.createBatch({ input_files: [fileId], endpoint, model, metadata: { 'mc-run': inputs.runTag } })),
    { role: 'create', resource: 'batch-job', expect: { model, endpoint } },
  );
  readAndList(c, job, model);
  cancelAndPoll(c, job);
  c.deleteFileOnceOver('delete batch input file once the job is over', upload, job, (status) => isFinal(batchMachine, status), requests.getBatch);
  return c.toCase({
    id: `${OP.createBatch}/stateful/batch-lifecycle`,
    operationId: OP.createBatch,
    scenario: 'batch',
    description: `Batch lifecycle on ${endpoint} with ${model}`,
    seed: ctx.seed,
  });
}

/** Get the job, list by model (created since the job) and by its current status. */
function readAndList(c: Chain, job: number, model: string): void {
  c.add(
    'get batch job',
    OP.getBatch,
    c.on(job, (id) => requests.getBatch(id)),
    { role: 'retrieve', resource: 'batch-job', of: job },
  );
  c.add(
    'list batch jobs by model, created since this job',
    OP.listBatches,
    c.on(job, (_id, prev) => {
      const created = c.latest(prev, job)?.created_at;
      const since = typeof created === 'number' ? new Date((created - 1) * 1000).toISOString() : undefined;
      return requests.listBatches(
        since
          ? [
              ['model', model],
              ['created_after', since],
            ]
          : [['model', model]],
      );
    }),
    { role: 'list', resource: 'batch-job', of: job, presence: 'present' },
  );
  c.add('list batch jobs by current status', OP.listBatches, c.byCurrentStatus(job, requests.listBatches), { role: 'list', resource: 'batch-job', of: job });
}

function cancelAndPoll(c: Chain, job: number): void {
  c.add(
    'cancel batch job',
    OP.cancelBatch,
    c.on(job, (id) => requests.cancelBatch(id)),
    { role: 'job-action', resource: 'batch-job', of: job },
  );
  for (let i = 0; i < BATCH_POLLS; i++)
    c.add(
      `poll batch job (${i + 1})`,
      OP.getBatch,
      c.on(job, (id) => requests.getBatch(id)),
      { role: 'job-poll', resource: 'batch-job', of: job },
    );
}
