// state-transition: jobs only take documented states (the spec's enums) in an order their lifecycle
// allows (state-machine.ts); start and cancel answer plausible states; a fine-tuning job's events are
// time-ordered, named as documented and tell a plausible story; checkpoints are consistent; a dry run
// answers metadata and creates nothing.
import type { CaseContext } from '../../../engine/types.js';
import { bodyOf, isSuccess, listOf, type Json } from '../exchange-data.js';
import { isObject } from '../../../openapi/is-object.js';
import { statefulEnums } from '../spec-enums.js';
import { batchMachine, fineTuningMachine, isFinal, sequenceProblems, type StateMachine } from '../state-machine.js';
import { createdId } from './resource-ids.js';
import { nothingToJudge, statefulCheck, type Finding, type JudgeInput, type StepView } from './stateful-check.js';

/** Event names the API is seen to use; others are reported as warnings (the spec does not list names). */
export const KNOWN_EVENT_NAMES = ['status-updated'];

interface Observation {
  step: number;
  status: string;
}

function machineFor(resource: string, ctx: CaseContext): { machine: StateMachine; documented: string[] } | undefined {
  const enums = statefulEnums(ctx.spec);
  if (resource === 'fine-tuning-job') return { machine: fineTuningMachine, documented: enums.jobStatuses };
  if (resource === 'batch-job') return { machine: batchMachine, documented: enums.batchStatuses };
  return undefined;
}

/** Every status the chain saw for job `id`, in step order (bodies of job responses and listed items). */
function timeline(steps: StepView[], from: number, id: string): Observation[] {
  const out: Observation[] = [];
  for (const { index, exchange } of steps) {
    if (index < from || !isSuccess(exchange)) continue;
    const body = bodyOf(exchange);
    const candidates: Json[] = body && body.id === id ? [body] : (listOf(exchange)?.items ?? []).filter((i) => i.id === id);
    for (const c of candidates) if (typeof c.status === 'string') out.push({ step: index, status: c.status });
  }
  return out;
}

/** The training file ids the chain's dry run named. */
function dryRunFiles(steps: StepView[]): string[] {
  const body = steps.find((s) => s.role.role === 'dry-run')?.exchange.request.json;
  const files = isObject(body) && Array.isArray(body.training_files) ? body.training_files : [];
  return files.map((f) => (isObject(f) ? f.file_id : f)).filter((id): id is string => typeof id === 'string');
}

/**
 * A listed job trained on none of the dry run's files: an earlier run with the same seed (hence the
 * same suffix) created it, not this dry run. Real jobs cannot be deleted, so they stay listed.
 */
function trainedOnOtherFiles(job: Json, files: string[]): boolean {
  if (files.length === 0 || !Array.isArray(job.training_files)) return false;
  const ids = job.training_files.map((f) => (isObject(f) ? f.file_id : f));
  return !ids.some((id) => typeof id === 'string' && files.includes(id));
}

function eventFindings(step: number, body: Json, machine: StateMachine, documented: string[]): Finding[] {
  const findings: Finding[] = [];
  const events = Array.isArray(body.events) ? body.events.filter(isObject) : [];
  const times = events.map((e) => e.created_at);
  if (times.some((t) => typeof t !== 'number')) findings.push({ step, message: 'a job event has no numeric created_at' });
  const nums = times.filter((t): t is number => typeof t === 'number');
  const ascending = nums.every((t, i) => i === 0 || t >= nums[i - 1]!);
  const descending = nums.every((t, i) => i === 0 || t <= nums[i - 1]!);
  if (!ascending && !descending) findings.push({ step, message: `job events are not ordered by created_at: ${JSON.stringify(nums)}` });
  for (const name of new Set(events.map((e) => e.name))) {
    if (typeof name !== 'string' || name === '') findings.push({ step, message: `a job event has no name: ${JSON.stringify(name)}` });
    else if (!KNOWN_EVENT_NAMES.includes(name))
      findings.push({ step, message: `job event name "${name}" is not one the API is known to use (${KNOWN_EVENT_NAMES.join(', ')})`, warning: true });
  }
  // The status story the events tell, oldest first (the API lists newest first).
  const statuses = events
    .map((e) => (isObject(e.data) && typeof e.data.status === 'string' ? e.data.status : undefined))
    .filter((s): s is string => s !== undefined);
  if (statuses.length > 1 && (ascending || descending)) {
    const first = nums[0];
    const last = nums[nums.length - 1];
    const forward = sequenceProblems(machine, documented, statuses);
    const backward = sequenceProblems(machine, documented, [...statuses].reverse());
    // Equal timestamps leave the order open: accept the reading that makes sense.
    const problems =
      first !== undefined && last !== undefined && first !== last
        ? first > last
          ? backward
          : forward
        : forward.length <= backward.length
          ? forward
          : backward;
    for (const p of problems) findings.push({ step, message: `job events: ${p.message}` });
  } else {
    for (const s of statuses) if (!documented.includes(s)) findings.push({ step, message: `job event status "${s}" is not documented` });
  }
  return [...findings, ...checkpointFindings(step, body)];
}

/** Checkpoints: each step number once, and later steps not older than earlier ones. */
function checkpointFindings(step: number, body: Json): Finding[] {
  const findings: Finding[] = [];
  const checkpoints = Array.isArray(body.checkpoints) ? body.checkpoints.filter(isObject) : [];
  const seen = new Set<unknown>();
  for (const c of checkpoints) {
    if (seen.has(c.step_number)) findings.push({ step, message: `checkpoint step_number ${JSON.stringify(c.step_number)} appears twice` });
    seen.add(c.step_number);
  }
  const numeric = checkpoints.filter((c) => typeof c.step_number === 'number' && typeof c.created_at === 'number') as Array<{
    step_number: number;
    created_at: number;
  }>;
  const sorted = [...numeric].sort((a, b) => a.step_number - b.step_number);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.created_at < sorted[i - 1]!.created_at) {
      findings.push({ step, message: `checkpoint at step ${sorted[i]!.step_number} is older than the one at step ${sorted[i - 1]!.step_number}` });
      break;
    }
  }
  return findings;
}

/** A dry run answers metadata, never a job. */
function judgeDryRun({ index, exchange }: StepView): Finding[] | null {
  const body = bodyOf(exchange);
  if (!isSuccess(exchange) || !body) return null;
  const looksLikeJob = body.object === 'job' || (typeof body.id === 'string' && typeof body.status === 'string' && !('details' in body));
  if (!looksLikeJob) return [];
  return [
    {
      step: index,
      message: `dry_run=true answered a job (id ${JSON.stringify(body.id)}, status ${JSON.stringify(body.status)}), not metadata\nExpected: LegacyJobMetadataOut (object "job.metadata")`,
    },
  ];
}

/** No listed job carries the dry run's suffix (unless an earlier run's job, trained on other files). */
function judgeDryRunList({ index, exchange }: StepView, suffix: string, steps: StepView[]): Finding[] | null {
  const list = listOf(exchange);
  if (!list) return null;
  const files = dryRunFiles(steps);
  const spawned = list.items.filter((j) => j.suffix === suffix && !trainedOnOtherFiles(j, files));
  if (!spawned.length) return [];
  return [{ step: index, message: `a dry run created ${spawned.length} job(s) with suffix ${suffix}: ${spawned.map((j) => String(j.id)).join(', ')}` }];
}

/** Answers to start and cancel of the job created at step `of`, judged against the state seen just before. */
function actionFindings(steps: StepView[], of: number, id: string, seen: Observation[], machine: StateMachine): Finding[] {
  const findings: Finding[] = [];
  for (const s of steps) {
    if (s.role.role !== 'job-action' || s.role.of !== of || !isSuccess(s.exchange)) continue;
    const status = bodyOf(s.exchange)?.status;
    const before = [...seen].reverse().find((o) => o.step < s.index)?.status;
    const cancel = /\/cancel$/.test(new URL(s.exchange.request.url).pathname);
    if (
      cancel &&
      typeof status === 'string' &&
      before !== undefined &&
      !isFinal(machine, before) &&
      !['CANCELLATION_REQUESTED', 'CANCELLED'].includes(status) &&
      !isFinal(machine, status)
    ) {
      findings.push({ step: s.index, message: `cancel of ${id} (was ${before}) answered status ${status}\nExpected: CANCELLATION_REQUESTED or CANCELLED` });
    }
    if (!cancel && before !== undefined && before !== 'VALIDATED')
      findings.push({ step: s.index, message: `start of ${id} was accepted while it was ${before}; only a VALIDATED job can be started`, warning: true });
  }
  return findings;
}

/** The most recent answer about job `id` that carries events or checkpoints. */
function latestDetailed(steps: StepView[], from: number, id: string): StepView | undefined {
  return [...steps].reverse().find((s) => {
    const body = s.index >= from && isSuccess(s.exchange) ? bodyOf(s.exchange) : undefined;
    return body?.id === id && (Array.isArray(body.events) || Array.isArray(body.checkpoints));
  });
}

/** A job the chain created: every state it showed, the order of them, start/cancel answers, events and checkpoints. */
function judgeJob({ index, role }: StepView, resource: string, { ctx, steps, at }: JudgeInput): Finding[] | null {
  const id = createdId(at, index);
  const m = machineFor(resource, ctx);
  if (!id || !m) return null;
  const seen = timeline(steps, index, id);
  const findings: Finding[] = sequenceProblems(
    m.machine,
    m.documented,
    seen.map((o) => o.status),
  ).map((p) => ({ step: seen[p.at]!.step, message: `${p.message} (job ${id})` }));
  findings.push(...actionFindings(steps, index, id, seen, m.machine));
  const detailed = latestDetailed(steps, index, id);
  if (detailed && role.role === 'create' && role.resource === 'fine-tuning-job')
    findings.push(...eventFindings(detailed.index, bodyOf(detailed.exchange)!, m.machine, m.documented));
  return findings;
}

function judgeStep(step: StepView, input: JudgeInput): Finding[] | null {
  const { role } = step;
  if (role.role === 'dry-run') return judgeDryRun(step);
  if (role.role === 'dry-run-list') return judgeDryRunList(step, role.suffix, input.steps);
  if (role.role === 'create' && (role.resource === 'fine-tuning-job' || role.resource === 'batch-job')) return judgeJob(step, role.resource, input);
  return null;
}

export const stateTransition = statefulCheck(
  {
    id: 'state-transition',
    title: 'Implausible job state or transition',
    severity: 'high',
    description: 'Jobs take only documented states, in an order their lifecycle allows; start/cancel, events and dry runs behave as documented.',
  },
  (input) => {
    const verdicts = input.steps.map((s) => judgeStep(s, input)).filter((v): v is Finding[] => v !== null);
    return verdicts.length ? verdicts.flat() : nothingToJudge('job or dry run');
  },
);
