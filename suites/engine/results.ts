// Reduces the event stream to results: per operation and check, counts and one sample failure per
// distinct cause (failure-cause.ts), with how often each cause occurred. Passing cases are only
// counted, so memory does not grow with the number of cases.
import type { CaseFinished, CheckOutcomeRecord, OperationInfo, Reproduction, RunEvent, RunFinished, RunStarted, SpecSummary } from './events.js';
import { causeOf, type FailureCause } from './failure-cause.js';
import type { CheckMeta, CleanupReport, Exchange, Phase, Violation } from './types.js';

/** Distinct causes kept per (operation, check); outcomes of further causes are counted in `otherCauses`. */
export const MAX_CAUSES_PER_CHECK = 100;

export interface FailureRecord {
  caseId: string;
  phase: Phase;
  message: string;
  kind: 'implementation' | 'spec';
  status: 'failed' | 'warning' | 'errored';
  description?: string;
  violation?: Violation;
  step?: number;
  exchanges: Exchange[];
  reproduction?: Reproduction;
  /** The cause this failure is the sample of, and how many outcomes had it. */
  cause?: FailureCause;
}

export interface CheckResult {
  checkId: string;
  passed: number;
  failed: number;
  warnings: number;
  errored: number;
  skipped: number;
  /** passed / failed / warning / errored / skipped, worst first; `accepted` only after a baseline is applied. */
  outcome: 'passed' | 'failed' | 'warning' | 'errored' | 'skipped' | 'accepted';
  /** Failures (and errors) a baseline accepted as known: shown, not counted against the verdict. */
  accepted?: number;
  /** The baseline entry's reason, when it gave one. */
  acceptedReason?: string;
  skipReasons: string[];
  /** One sample per distinct cause, in the order the causes first occurred. */
  failures: FailureRecord[];
  /** Failing outcomes whose cause was not kept (past MAX_CAUSES_PER_CHECK distinct causes). */
  otherCauses?: number;
}

/** Failing cases of one operation by the constraint their request broke (every case, not only the samples). */
export interface BrokenConstraint {
  constraint: string;
  location: string;
  /** Cases with at least one failed or errored outcome. */
  cases: number;
  /** The checks that failed on them. */
  checks: string[];
}

export interface LatencyStats {
  count: number;
  median: number;
  p95: number;
  max: number;
}

export interface OperationResult extends OperationInfo {
  skipped?: string;
  cases: number;
  byPhase: Partial<Record<Phase, number>>;
  latency: LatencyStats;
  firstEvent?: LatencyStats;
  streamGapMedian?: number;
  streamGapP95?: number;
  checks: CheckResult[];
  /** Failing cases by broken constraint (negative and coverage cases), most first. */
  brokenConstraints?: BrokenConstraint[];
  /**
   * Cases that could not be judged (neither passed nor failed): they change a base request the target
   * never accepted, so an answer would not say what it was about. Their count and distinct reasons.
   */
  inconclusive?: { cases: number; reasons: string[] };
}

export interface RunResults {
  tool: { name: string; version: string };
  runId: string;
  target: string;
  targetName?: string;
  seed: number;
  spec: SpecSummary;
  options: Record<string, unknown>;
  checks: CheckMeta[];
  shard?: { index: number; total: number };
  timings: { startedAt: string; finishedAt?: string; durationMs?: number };
  summary: {
    operations: number;
    operationsSkipped: number;
    cases: number;
    requests: number;
    tokens: number;
    retries: number;
    checks: { passed: number; failed: number; warnings: number; errored: number; skipped: number; accepted?: number };
    /** Cases that could not be judged (see OperationResult.inconclusive). */
    inconclusive?: number;
    verdict: 'pass' | 'fail';
    complete: boolean;
    stoppedBy?: string;
    notRun?: number;
  };
  operations: OperationResult[];
  cleanup?: CleanupReport;
  logs: Array<{ level: string; message: string }>;
}

// `accepted` never comes from events (only from a baseline applied afterwards); ranked like a warning.
export interface CheckTotals {
  passed: number;
  failed: number;
  warnings: number;
  errored: number;
  skipped: number;
  accepted: number;
}

/** Outcome counts summed over check results (one operation's, or every operation's). */
export function sumChecks(checks: Iterable<CheckResult>): CheckTotals {
  const t: CheckTotals = { passed: 0, failed: 0, warnings: 0, errored: 0, skipped: 0, accepted: 0 };
  for (const c of checks) {
    t.passed += c.passed;
    t.failed += c.failed;
    t.warnings += c.warnings;
    t.errored += c.errored;
    t.skipped += c.skipped;
    t.accepted += c.accepted ?? 0;
  }
  return t;
}

const RANK = { failed: 4, errored: 3, warning: 2, accepted: 2, passed: 1, skipped: 0 } as const;

/** Streaming quantiles would be exact only with all samples; a bounded reservoir keeps memory flat. */
class Samples {
  private values: number[] = [];
  private seen = 0;
  add(v: number | undefined): void {
    if (v === undefined || !Number.isFinite(v)) return;
    this.seen++;
    if (this.values.length < 4096) this.values.push(v);
    else {
      // Deterministic reservoir replacement (no Math.random: reports must be reproducible).
      const j = (this.seen * 2654435761) % this.seen;
      if (j < 4096) this.values[j] = v;
    }
  }
  stats(): LatencyStats {
    const sorted = [...this.values].sort((a, b) => a - b);
    const q = (p: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1) + 0.5))]! : 0);
    return { count: this.seen, median: round(q(0.5)), p95: round(q(0.95)), max: round(sorted[sorted.length - 1] ?? 0) };
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

interface OperationAcc {
  info: OperationInfo;
  skipped?: string;
  cases: number;
  byPhase: Partial<Record<Phase, number>>;
  latency: Samples;
  firstEvent: Samples;
  gapMedian: Samples;
  gapP95: Samples;
  checks: Map<string, CheckResult>;
  /** Per check id, the sample of each cause by its key. */
  causes: Map<string, Map<string, FailureRecord>>;
  constraints: Map<string, BrokenConstraint>;
  inconclusive?: { cases: number; reasons: string[] };
}

export class ResultsReducer {
  private started?: RunStarted;
  private finished?: RunFinished;
  private ops = new Map<string, OperationAcc>();
  private cleanup?: CleanupReport;
  private logs: Array<{ level: string; message: string }> = [];
  private requests = 0;
  private retries = 0;

  add(event: RunEvent): void {
    switch (event.type) {
      case 'run-started':
        this.started = event;
        for (const op of event.operations) this.op(op.operationId, op);
        break;
      case 'case-finished':
        this.addCase(event);
        break;
      case 'operation-skipped': {
        const acc = this.ops.get(event.operationId);
        if (acc) acc.skipped = event.reason;
        break;
      }
      case 'log':
        if (this.logs.length < 200) this.logs.push({ level: event.level, message: event.message });
        break;
      case 'cleanup':
        this.cleanup = event.report;
        break;
      case 'run-finished':
        this.finished = event;
        break;
    }
  }

  private op(id: string, info?: OperationInfo): OperationAcc {
    let acc = this.ops.get(id);
    if (!acc) {
      acc = {
        info: info ?? { operationId: id, method: '', path: '', tags: [], area: 'other' },
        cases: 0,
        byPhase: {},
        latency: new Samples(),
        firstEvent: new Samples(),
        gapMedian: new Samples(),
        gapP95: new Samples(),
        checks: new Map(),
        causes: new Map(),
        constraints: new Map(),
      };
      this.ops.set(id, acc);
    }
    return acc;
  }

  private addCase(e: CaseFinished): void {
    const acc = this.op(e.operationId);
    acc.cases++;
    acc.byPhase[e.phase] = (acc.byPhase[e.phase] ?? 0) + 1;
    this.requests += e.requests;
    this.retries += e.retries;
    if (e.inconclusive !== undefined) {
      const inc = (acc.inconclusive ??= { cases: 0, reasons: [] });
      inc.cases++;
      // Reasons name the probes that were refused: a few distinct ones say it all.
      if (inc.reasons.length < 5 && !inc.reasons.includes(e.inconclusive)) inc.reasons.push(e.inconclusive);
      return;
    }
    acc.latency.add(e.latency.totalMs);
    if (e.latency.stream) {
      acc.firstEvent.add(e.latency.firstEventMs);
      acc.gapMedian.add(e.latency.gapMedianMs);
      acc.gapP95.add(e.latency.gapP95Ms);
    }
    for (const o of e.outcomes) {
      // A chain's finding about step i is reported on that step's operation (with the whole chain).
      const stepOp = o.step !== undefined ? e.stepOperations?.[o.step] : undefined;
      this.addOutcome(stepOp && stepOp !== e.operationId ? this.op(stepOp) : acc, e, o);
    }
    if (e.violation) this.addBrokenConstraint(acc, e);
  }

  private addBrokenConstraint(acc: OperationAcc, e: CaseFinished): void {
    const failing = [...new Set(e.outcomes.filter((o) => o.status === 'failed' || o.status === 'errored').map((o) => o.checkId))];
    if (!failing.length || !e.violation) return;
    const { constraint, location } = e.violation;
    const key = `${constraint}\u0000${location}`;
    let b = acc.constraints.get(key);
    if (!b) acc.constraints.set(key, (b = { constraint, location, cases: 0, checks: [] }));
    b.cases++;
    for (const c of failing) if (!b.checks.includes(c)) b.checks.push(c);
  }

  private addOutcome(acc: OperationAcc, e: CaseFinished, o: CheckOutcomeRecord): void {
    let r = acc.checks.get(o.checkId);
    if (!r) {
      r = { checkId: o.checkId, passed: 0, failed: 0, warnings: 0, errored: 0, skipped: 0, outcome: 'skipped', skipReasons: [], failures: [] };
      acc.checks.set(o.checkId, r);
    }
    if (o.status === 'passed') r.passed++;
    else if (o.status === 'skipped') {
      r.skipped++;
      if (o.message && r.skipReasons.length < 3 && !r.skipReasons.includes(o.message)) r.skipReasons.push(o.message);
    } else {
      if (o.status === 'failed') r.failed++;
      else if (o.status === 'warning') r.warnings++;
      else r.errored++;
      // One sample per distinct cause, with its count: the same cause on many cases says nothing new,
      // but every cause is evidence of its own.
      const { key, cause } = causeOf(o, e.violation, e.exchanges ?? []);
      let byKey = acc.causes.get(o.checkId);
      if (!byKey) acc.causes.set(o.checkId, (byKey = new Map()));
      const known = byKey.get(key);
      if (known?.cause) known.cause.count++;
      else if (byKey.size >= MAX_CAUSES_PER_CHECK) r.otherCauses = (r.otherCauses ?? 0) + 1;
      else {
        const rec: FailureRecord = {
          caseId: e.caseId,
          phase: e.phase,
          message: o.message ?? '',
          kind: o.kind ?? 'implementation',
          status: o.status,
          exchanges: e.exchanges ?? [],
        };
        if (e.description) rec.description = e.description;
        if (e.violation) rec.violation = e.violation;
        if (o.step !== undefined) rec.step = o.step;
        if (e.reproduction) rec.reproduction = e.reproduction;
        rec.cause = { ...cause, count: 1 };
        byKey.set(key, rec);
        r.failures.push(rec);
      }
    }
    if (RANK[o.status] > RANK[r.outcome]) r.outcome = o.status;
  }

  results(): RunResults {
    const s = this.started;
    const operations: OperationResult[] = [...this.ops.values()].map((acc) => {
      const res: OperationResult = {
        ...acc.info,
        cases: acc.cases,
        byPhase: acc.byPhase,
        latency: acc.latency.stats(),
        checks: [...acc.checks.values()].sort((a, b) => a.checkId.localeCompare(b.checkId)),
      };
      if (acc.skipped) res.skipped = acc.skipped;
      if (acc.inconclusive) res.inconclusive = acc.inconclusive;
      if (acc.constraints.size)
        res.brokenConstraints = [...acc.constraints.values()].sort(
          (a, b) => b.cases - a.cases || a.constraint.localeCompare(b.constraint) || a.location.localeCompare(b.location),
        );
      const fe = acc.firstEvent.stats();
      if (fe.count) {
        res.firstEvent = fe;
        res.streamGapMedian = acc.gapMedian.stats().median;
        res.streamGapP95 = acc.gapP95.stats().median;
      }
      return res;
    });
    const { accepted: _accepted, ...totals } = sumChecks(operations.flatMap((o) => o.checks));
    const cases = operations.reduce((n, o) => n + o.cases, 0);
    const inconclusive = operations.reduce((n, o) => n + (o.inconclusive?.cases ?? 0), 0);
    const f = this.finished;
    const results: RunResults = {
      tool: s?.tool ?? { name: 'mistral-conformance', version: '0.0.0' },
      runId: s?.runId ?? '',
      target: s?.target ?? '',
      seed: s?.seed ?? 0,
      spec: s?.spec ?? { title: '', version: '', openapi: '', sha256: '', source: '', errataApplied: false, errata: [], lint: [] },
      options: s?.options ?? {},
      checks: s?.checks ?? [],
      timings: { startedAt: s?.at ?? '' },
      summary: {
        operations: operations.length,
        operationsSkipped: operations.filter((o) => o.skipped).length,
        cases,
        requests: f?.requests ?? this.requests,
        tokens: f?.tokens ?? 0,
        retries: this.retries,
        checks: totals,
        ...(inconclusive ? { inconclusive } : {}),
        // Errors count against the verdict: a check that could not run has not shown conformance.
        verdict: totals.failed + totals.errored > 0 || !f || f.stoppedBy?.startsWith('error') ? 'fail' : 'pass',
        complete: f !== undefined && f.stoppedBy === undefined,
      },
      operations,
      logs: this.logs,
    };
    if (s?.targetName) results.targetName = s.targetName;
    if (s?.shard) results.shard = s.shard;
    if (f) {
      results.timings.finishedAt = f.at;
      results.timings.durationMs = f.durationMs;
      if (f.stoppedBy) results.summary.stoppedBy = f.stoppedBy;
      if (f.notRun !== undefined) results.summary.notRun = f.notRun;
    }
    if (this.cleanup) results.cleanup = this.cleanup;
    return results;
  }
}

export function reduceEvents(events: Iterable<RunEvent>): RunResults {
  const r = new ResultsReducer();
  for (const e of events) r.add(e);
  return r.results();
}
