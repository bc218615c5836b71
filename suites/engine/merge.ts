// Combines the event logs of the shards of one run (`--shard i/n` jobs of a CI matrix) into the log
// the unsharded run would have written: one run-started with the union of operations, the cases of
// each operation in operation order, one run-finished with summed counts. Logs of different runs
// (seed, spec, target, options that change the cases) are refused: merging them would report a
// verdict nobody ran.
import { createHash } from 'node:crypto';
import type { CaseFinished, CleanupEvent, OperationInfo, OperationSkipped, RunEvent, RunFinished, RunStarted } from './events.js';
import type { CheckMeta, CleanupReport } from './types.js';

export interface MergeOptions {
  /**
   * Keys of the runs' options that change which cases run or how they are judged: logs that differ in
   * any are refused. The suite knows them (the command line passes its options table's list).
   */
  caseOptions: readonly string[];
  /** Merge even when shards are missing; the merged run is then marked incomplete. */
  allowPartial?: boolean;
}

export class MergeError extends Error {
  constructor(reason: string) {
    super(`[mistral-conformance] Failed to merge event logs: ${reason}`);
    this.name = 'MergeError';
  }
}

interface ShardLog {
  position: number;
  started: RunStarted;
  events: RunEvent[];
  label: string;
  order: number;
}

export function mergeEventLogs(logs: RunEvent[][], options: MergeOptions): RunEvent[] {
  if (logs.length === 0) throw new MergeError('no event logs given');
  const shards = logs.map(readLog).sort((a, b) => a.order - b.order || a.position - b.position);
  checkSameRun(shards, options.caseOptions);
  const missing = checkShards(shards, options);
  const cases = collectCases(shards);

  const operations = unionOperations(shards.map((s) => s.started.operations));
  const started = mergedStart(shards, operations);
  const out: RunEvent[] = [started];

  for (const s of shards) {
    for (const e of s.events) if (e.type === 'log') out.push(shards.length > 1 ? { ...e, message: `[${s.label}] ${e.message}` } : e);
  }

  const order = [...operations.map((o) => o.operationId)];
  for (const id of cases.keys()) if (!order.includes(id)) order.push(id);
  const skipped = firstSkips(shards);
  for (const id of order) {
    const opCases = cases.get(id) ?? [];
    // A skip only counts where the operation ran nowhere: a shard that skipped it has nothing to say
    // about an operation another shard ran.
    const skip = skipped.get(id);
    if (skip && opCases.length === 0) out.push(skip);
    out.push(...opCases);
  }

  const cleanup = mergedCleanup(shards);
  if (cleanup) out.push(cleanup);
  out.push(mergedFinish(shards, missing));
  return out;
}

function readLog(events: RunEvent[], position: number): ShardLog {
  const starts = events.filter((e): e is RunStarted => e.type === 'run-started');
  const n = position + 1;
  if (starts.length === 0) throw new MergeError(`log ${n} has no run-started event (is it an event log of a run?)`);
  if (starts.length > 1) throw new MergeError(`log ${n} holds ${starts.length} runs; merge the shard logs of one run`);
  const started = starts[0]!;
  const label = started.shard ? `shard ${started.shard.index}/${started.shard.total}` : `log ${n}`;
  return { position, started, events, label, order: started.shard?.index ?? 0 };
}

function checkSameRun(shards: ShardLog[], caseOptions: readonly string[]): void {
  const first = shards[0]!;
  const a = first.started;
  for (const s of shards.slice(1)) {
    const b = s.started;
    const differs = (what: string, x: unknown, y: unknown): never => {
      throw new MergeError(`${first.label} and ${s.label} are not the same run: ${what} differ (${show(x)} vs ${show(y)})`);
    };
    if (a.seed !== b.seed) differs('seeds', a.seed, b.seed);
    if (a.spec.sha256 !== b.spec.sha256) differs('specs', short(a.spec.sha256), short(b.spec.sha256));
    if (a.spec.errataApplied !== b.spec.errataApplied) differs('errata', a.spec.errataApplied, b.spec.errataApplied);
    if (a.target !== b.target) differs('targets', a.target, b.target);
    if ((a.targetName ?? '') !== (b.targetName ?? '')) differs('target names', a.targetName, b.targetName);
    for (const key of caseOptions) {
      if (stable(a.options[key]) !== stable(b.options[key])) differs(`options "${key}"`, a.options[key], b.options[key]);
    }
  }
}

/** Returns the labels of missing shards (only when allowed). */
function checkShards(shards: ShardLog[], options: MergeOptions): string[] {
  if (shards.length === 1 && !shards[0]!.started.shard) return [];
  const unsharded = shards.find((s) => !s.started.shard);
  if (unsharded) throw new MergeError(`${unsharded.label} is not a shard (its run-started has no shard); merge only the logs of --shard runs`);
  const total = shards[0]!.started.shard!.total;
  const seen = new Set<number>();
  for (const s of shards) {
    const shard = s.started.shard!;
    if (shard.total !== total) throw new MergeError(`${shards[0]!.label} and ${s.label} split the run differently`);
    if (seen.has(shard.index)) throw new MergeError(`${s.label} is given twice`);
    seen.add(shard.index);
  }
  const missing: string[] = [];
  for (let i = 1; i <= total; i++) if (!seen.has(i)) missing.push(`${i}/${total}`);
  if (missing.length && !options.allowPartial) {
    throw new MergeError(`shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} missing. Pass every shard's log (or allow a partial merge)`);
  }
  return missing;
}

/** Cases by operation, each operation's cases in shard order then log order; a case twice is refused. */
function collectCases(shards: ShardLog[]): Map<string, CaseFinished[]> {
  const byOp = new Map<string, CaseFinished[]>();
  const owner = new Map<string, string>();
  for (const s of shards) {
    for (const e of s.events) {
      if (e.type !== 'case-finished') continue;
      const other = owner.get(e.caseId);
      if (other !== undefined) throw new MergeError(`case ${e.caseId} is in both ${other} and ${s.label}; were the shards split with different settings?`);
      owner.set(e.caseId, s.label);
      let list = byOp.get(e.operationId);
      if (!list) byOp.set(e.operationId, (list = []));
      list.push(e);
    }
  }
  return byOp;
}

/**
 * Union of the operation lists, keeping each list's order: an operation only one shard lists goes
 * right after the operation it follows there (shards that list only their own operations still
 * merge into the spec's order when their lists interleave consistently).
 */
function unionOperations(lists: OperationInfo[][]): OperationInfo[] {
  const out: OperationInfo[] = [];
  const index = new Map<string, number>();
  for (const list of lists) {
    let previous: string | undefined;
    for (const op of list) {
      if (!index.has(op.operationId)) {
        const at = previous === undefined ? positionBeforeNextKnown(list, op, index, out.length) : out.findIndex((o) => o.operationId === previous) + 1;
        out.splice(at, 0, op);
        index.clear();
        out.forEach((o, i) => index.set(o.operationId, i));
      }
      previous = op.operationId;
    }
  }
  return out;
}

/** An operation that opens a list goes before the first operation of that list already placed. */
function positionBeforeNextKnown(list: OperationInfo[], op: OperationInfo, index: Map<string, number>, end: number): number {
  const from = list.indexOf(op);
  for (const next of list.slice(from + 1)) {
    const at = index.get(next.operationId);
    if (at !== undefined) return at;
  }
  return end;
}

function firstSkips(shards: ShardLog[]): Map<string, OperationSkipped> {
  const skips = new Map<string, OperationSkipped>();
  for (const s of shards) for (const e of s.events) if (e.type === 'operation-skipped' && !skips.has(e.operationId)) skips.set(e.operationId, e);
  return skips;
}

function mergedStart(shards: ShardLog[], operations: OperationInfo[]): RunStarted {
  const base = shards[0]!.started;
  const checks = new Map<string, CheckMeta>();
  for (const s of shards) for (const c of s.started.checks) if (!checks.has(c.id)) checks.set(c.id, c);
  const runIds = [...new Set(shards.map((s) => s.started.runId))];
  const { shard: _shard, ...options } = base.options;
  void _shard;
  const started: RunStarted = {
    ...base,
    // Shards of a CI matrix may share a run id; otherwise derive one that is the same for the same inputs.
    runId: runIds.length === 1 ? runIds[0]! : `merged-${createHash('sha256').update(runIds.join('\n')).digest('hex').slice(0, 16)}`,
    at: shards.map((s) => s.started.at).sort()[0]!,
    options,
    checks: [...checks.values()],
    operations,
  };
  delete started.shard;
  return started;
}

function mergedCleanup(shards: ShardLog[]): CleanupEvent | undefined {
  const report: CleanupReport = { created: [], cleaned: [], failed: [] };
  let any = false;
  for (const s of shards) {
    for (const e of s.events) {
      if (e.type !== 'cleanup') continue;
      any = true;
      report.created.push(...e.report.created);
      report.cleaned.push(...e.report.cleaned);
      report.failed.push(...e.report.failed);
    }
  }
  return any ? { type: 'cleanup', report } : undefined;
}

function mergedFinish(shards: ShardLog[], missing: string[]): RunFinished {
  const finishes: Array<{ label: string; finish?: RunFinished }> = shards.map((s) => ({
    label: s.label,
    finish: s.events.find((e): e is RunFinished => e.type === 'run-finished'),
  }));
  const done = finishes.flatMap((f) => (f.finish ? [f.finish] : []));
  const reasons: string[] = [];
  // An error anywhere makes the merged run an error (reduceEvents fails a run stopped by `error...`).
  for (const f of finishes) if (!f.finish) reasons.push(`error: ${f.label} did not finish (its log has no run-finished event)`);
  for (const f of finishes) if (f.finish?.stoppedBy?.startsWith('error')) reasons.push(f.finish.stoppedBy);
  if (missing.length) reasons.push(`incomplete: shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} missing`);
  for (const f of finishes) if (f.finish?.stoppedBy && !f.finish.stoppedBy.startsWith('error')) reasons.push(`${f.finish.stoppedBy} (${f.label})`);
  const finish: RunFinished = {
    type: 'run-finished',
    at:
      done
        .map((f) => f.at)
        .sort()
        .at(-1) ?? shards[0]!.started.at,
    durationMs: Math.max(0, ...done.map((f) => f.durationMs)),
    requests: sum(done.map((f) => f.requests)),
    tokens: sum(done.map((f) => f.tokens)),
  };
  if (reasons.length) finish.stoppedBy = reasons.join('; ');
  if (done.some((f) => f.notRun !== undefined)) finish.notRun = sum(done.map((f) => f.notRun ?? 0));
  return finish;
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const short = (sha: string): string => sha.slice(0, 12);

function show(value: unknown): string {
  const text = value === undefined ? 'unset' : typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** JSON with sorted keys, so `{a,b}` and `{b,a}` compare equal. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as Record<string, unknown>)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
