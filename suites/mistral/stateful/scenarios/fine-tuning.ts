// Fine-tuning lifecycle. Always: upload a training file → dry run (metadata, nothing created: no job
// with this run's suffix appears). Only with allowCostly: create with auto_start=false → get → list with
// filters → poll → start (if VALIDATED) or cancel → poll; then, if the job produced a model, update it,
// archive, unarchive (read back each time) and delete it. Steps that have nothing to act on yet fall
// back to polling the job, so the chain always runs to its end.
import type { Exchange, RequestSpec, TestCase } from '../../../engine/types.js';
import { chainInputs, jsonl, toBase64 } from '../generate-inputs.js';
import type { StepRole } from '../meta.js';
import { OP, requests } from '../requests.js';
import { statefulEnums } from '../spec-enums.js';
import { fineTuningMachine, isFinal } from '../state-machine.js';
import { isModelRequest } from '../checks/resource-ids.js';
import { Chain } from './chain.js';
import { fineTuneModel } from './pick-models.js';
import type { ScenarioContext } from './scenario-context.js';

export const POLLS_BEFORE_ACTION = 3;
export const POLLS_AFTER_ACTION = 6;

/** What every part of the chain shares: the chain, the job's model and suffix, the upload step. */
interface FineTuningChain {
  c: Chain;
  model: string;
  suffix: string;
  upload: number;
  jobBody(fileId: string): Record<string, unknown>;
}

export function fineTuningLifecycle(ctx: ScenarioContext): TestCase {
  const inputs = chainInputs(ctx.seed + 1);
  const chain = uploadAndDryRun(ctx, inputs.runTag, jsonl(inputs.chatSamples));
  if (!ctx.allowCostly) {
    deleteTrainingFile(chain);
    return finish(chain.c, ctx, 'Fine-tuning dry run: metadata only, no job created');
  }
  const job = createAndDriveJob(chain);
  changeProducedModel(chain, job, { name: inputs.modelName, description: inputs.modelDescription });
  chain.c.deleteFileOnceOver('delete training file once the job is over', chain.upload, job, (status) => isFinal(fineTuningMachine, status), requests.getJob);
  return finish(chain.c, ctx, `Fine-tuning lifecycle of a ${chain.model} job with suffix ${chain.suffix}`);
}

/** Upload the training file, then a dry run (metadata only) that no listing may show. */
function uploadAndDryRun(ctx: ScenarioContext, runTag: string, bytes: Uint8Array): FineTuningChain {
  const model = fineTuneModel(ctx.info, statefulEnums(ctx.spec).fineTuneableModels);
  const suffix = `mc${runTag}`;
  const filename = `mc-${runTag}-train.jsonl`;
  const c = new Chain();
  const jobBody = (fileId: string): Record<string, unknown> => ({
    model,
    training_files: [{ file_id: fileId, weight: 1 }],
    hyperparameters: { training_steps: 1, learning_rate: 0.0001 },
    suffix,
    auto_start: false,
  });
  const upload = c.add('upload training file', OP.uploadFile, requests.uploadFile(filename, 'fine-tune', bytes), {
    role: 'create',
    resource: 'file',
    upload: { filename, purpose: 'fine-tune', contentBase64: toBase64(bytes) },
  });
  c.add(
    'create job with dry_run=true',
    OP.createJob,
    c.on(upload, (id) => requests.createJob(jobBody(id), true)),
    { role: 'dry-run', suffix },
  );
  c.add('list jobs with the dry run suffix', OP.listJobs, requests.listJobs([['suffix', suffix]]), { role: 'dry-run-list', suffix });
  return { c, model, suffix, upload, jobBody };
}

function deleteTrainingFile({ c, upload }: FineTuningChain): void {
  c.add(
    'delete training file',
    OP.deleteFile,
    c.on(upload, (id) => requests.deleteFile(id)),
    { role: 'delete', resource: 'file', of: upload },
  );
}

/** Create the job (not started), read and list it, poll, start or cancel it, poll again; returns the create step. */
function createAndDriveJob({ c, model, suffix, upload, jobBody }: FineTuningChain): number {
  const job = c.add(
    'create job (auto_start=false)',
    OP.createJob,
    c.on(upload, (id) => requests.createJob(jobBody(id), false)),
    { role: 'create', resource: 'fine-tuning-job', expect: { model, suffix, auto_start: false } },
  );
  const poll = (label: string): void => {
    c.add(
      label,
      OP.getJob,
      c.on(job, (id) => requests.getJob(id)),
      { role: 'job-poll', resource: 'fine-tuning-job', of: job },
    );
  };
  c.add(
    'get job',
    OP.getJob,
    c.on(job, (id) => requests.getJob(id)),
    { role: 'retrieve', resource: 'fine-tuning-job', of: job },
  );
  c.add(
    'list jobs by suffix and model',
    OP.listJobs,
    requests.listJobs([
      ['suffix', suffix],
      ['model', model],
    ]),
    { role: 'list', resource: 'fine-tuning-job', of: job, presence: 'present' },
  );
  c.add('list jobs by current status', OP.listJobs, c.byCurrentStatus(job, requests.listJobs), { role: 'list', resource: 'fine-tuning-job', of: job });
  for (let i = 0; i < POLLS_BEFORE_ACTION; i++) poll(`poll job (${i + 1})`);
  c.add(
    'start job if validated, else cancel it',
    OP.startJob,
    c.on(job, (id, prev) => (c.latest(prev, job)?.status === 'VALIDATED' ? requests.startJob(id) : requests.cancelJob(id))),
    { role: 'job-action', resource: 'fine-tuning-job', of: job },
  );
  for (let i = 0; i < POLLS_AFTER_ACTION; i++) poll(`poll job after start/cancel (${i + 1})`);
  return job;
}

/**
 * The fine-tuned model the job produced (never any other model): update, archive, unarchive, each read
 * back, then delete and read once more. Until there is a model (and the previous step touched it), a
 * step polls the job instead.
 */
function changeProducedModel({ c }: FineTuningChain, job: number, change: { name: string; description: string }): void {
  const produced = (prev: Exchange[]): string | undefined => {
    const latest = c.latest(prev, job);
    return latest?.status === 'SUCCESS' && typeof latest.fine_tuned_model === 'string' && latest.fine_tuned_model ? latest.fine_tuned_model : undefined;
  };
  const onModel = (build: (model: string) => RequestSpec, needPreviousModelStep = true) =>
    c.on(job, (jobId, prev) => {
      const m = produced(prev);
      const last = prev[prev.length - 1];
      const ready = m !== undefined && (!needPreviousModelStep || (last !== undefined && isModelRequest(last)));
      return ready ? build(m) : requests.getJob(jobId);
    });
  const step = (
    label: string,
    operationId: string,
    build: (model: string) => RequestSpec,
    role: StepRole,
    opts: { first?: true; expect?: 'any' } = {},
  ): void => {
    c.add(label, operationId, onModel(build, !opts.first), role, opts.expect ? { expect: opts.expect } : {});
  };
  const update = { role: 'model-change', of: job, change: 'update', expect: change } as const;
  step('update produced model name and description', OP.updateModel, (m) => requests.updateModel(m, change), update, { first: true });
  step('retrieve produced model', OP.retrieveModel, (m) => requests.retrieveModel(m), { role: 'model-read', of: job, expect: change });
  step('archive produced model', OP.archiveModel, (m) => requests.archiveModel(m), {
    role: 'model-change',
    of: job,
    change: 'archive',
    expect: { archived: true },
  });
  step('retrieve archived model', OP.retrieveModel, (m) => requests.retrieveModel(m), { role: 'model-read', of: job, expect: { archived: true } });
  step('unarchive produced model', OP.unarchiveModel, (m) => requests.unarchiveModel(m), {
    role: 'model-change',
    of: job,
    change: 'unarchive',
    expect: { archived: false },
  });
  step('retrieve unarchived model', OP.retrieveModel, (m) => requests.retrieveModel(m), { role: 'model-read', of: job, expect: { archived: false } });
  step('delete produced model', OP.deleteModel, (m) => requests.deleteModel(m), { role: 'delete', resource: 'model', of: job });
  step(
    'retrieve deleted model',
    OP.retrieveModel,
    (m) => requests.retrieveModel(m),
    { role: 'gone', resource: 'model', of: job, action: 'retrieve' },
    { expect: 'any' },
  );
}

function finish(c: Chain, ctx: ScenarioContext, description: string): TestCase {
  return c.toCase({ id: `${OP.createJob}/stateful/fine-tuning-lifecycle`, operationId: OP.createJob, scenario: 'fine-tuning', description, seed: ctx.seed });
}
