// The events a run emits, built one way for the live run and for recorded traffic judged offline
// (`validate`), so every report reads both alike. The emitter feeds the results reducer first, then
// every listener; one broken listener (a reporter) must not break the run.
import { randomUUID } from 'node:crypto';
import type { Operation } from '../../openapi/model.js';
import type { CaseFinished, CheckOutcomeRecord, EventListener, OperationInfo, RunEvent, RunFinished, RunStarted } from '../events.js';
import type { ResultsReducer } from '../results.js';
import type { CheckMeta, Exchange, TestCase } from '../types.js';

export function createEmitter(reducer: ResultsReducer, listeners: EventListener[]): (event: RunEvent) => void {
  return (event) => {
    reducer.add(event);
    for (const l of listeners) {
      try {
        l(event);
      } catch {
        // ignored: see above
      }
    }
  };
}

/** The checks as run-started lists them: a check id with an exchange-scope and a case-scope form once. */
export function checkMetas(checks: CheckMeta[]): CheckMeta[] {
  return [...new Map(checks.map(({ id, title, severity, description, category }) => [id, { id, title, severity, description, category }] as const)).values()];
}

export function operationArea(op: Operation): string {
  return op.tags[0] ?? op.path.split('/').filter(Boolean)[1] ?? 'other';
}

export function operationInfo(op: Operation): OperationInfo {
  return { operationId: op.id, method: op.method.toUpperCase(), path: op.path, tags: op.tags, area: operationArea(op) };
}

/** What run-started says, less what the builder fills in (its type, version, id and time). */
export type RunStartedInput = Omit<RunStarted, 'type' | 'version' | 'runId' | 'at'> & { startedAt: number };

export function runStartedEvent(i: RunStartedInput): RunStarted {
  return {
    type: 'run-started',
    version: 1,
    tool: i.tool,
    runId: randomUUID(),
    at: new Date(i.startedAt).toISOString(),
    target: i.target,
    ...(i.targetName ? { targetName: i.targetName } : {}),
    seed: i.seed,
    spec: i.spec,
    options: i.options,
    checks: checkMetas(i.checks),
    operations: i.operations,
    ...(i.shard ? { shard: i.shard } : {}),
  };
}

/** A failure, warning or error among the outcomes: the case's exchanges go into its event. */
export function hasProblem(outcomes: CheckOutcomeRecord[]): boolean {
  return outcomes.some((o) => o.status !== 'passed' && o.status !== 'skipped');
}

/** Exchanges kept in events: bounded, without raw bytes (reports are JSON). */
function forReport(ex: Exchange): Exchange {
  if (!ex.response) return ex;
  const { raw: _raw, ...response } = ex.response;
  return { ...ex, response };
}

/**
 * The latency of a case, from its first exchange. `streamGaps`: the gaps between stream events were
 * measured (a recording has no event times: its gaps would all read 0).
 */
function latencyOf(exchanges: Exchange[], streamGaps: boolean): CaseFinished['latency'] {
  const first = exchanges[0]!;
  const sse = exchanges.find((e) => e.response?.sse)?.response?.sse;
  return {
    ...(first.timing.ttfbMs !== undefined ? { ttfbMs: first.timing.ttfbMs } : {}),
    totalMs: first.timing.totalMs,
    stream: sse !== undefined,
    ...(sse?.firstEventMs !== undefined ? { firstEventMs: sse.firstEventMs } : {}),
    ...(streamGaps && sse && sse.gapsMs.count > 0 ? { gapMedianMs: sse.gapsMs.median, gapP95Ms: sse.gapsMs.p95 } : {}),
  };
}

/** A case's event from the exchanges it sent (at least one) and their outcomes; reproduction is the caller's. */
export function caseFinishedEvent(
  tc: TestCase,
  exchanges: Exchange[],
  outcomes: CheckOutcomeRecord[],
  opts: { streamGaps: boolean; tokens?: number },
): CaseFinished {
  const event: CaseFinished = {
    type: 'case-finished',
    caseId: tc.id,
    operationId: tc.operationId,
    phase: tc.phase,
    expectation: tc.expectation,
    outcomes,
    latency: latencyOf(exchanges, opts.streamGaps),
    requests: exchanges.length,
    ...(tc.steps.length > 1 ? { stepOperations: tc.steps.slice(0, exchanges.length).map((s) => s.operationId) } : {}),
    retries: exchanges.reduce((n, e) => n + e.retries, 0),
    ...(opts.tokens !== undefined ? { tokens: opts.tokens } : {}),
  };
  if (tc.description) event.description = tc.description;
  if (tc.violation) event.violation = tc.violation;
  if (tc.builtOn) event.builtOn = tc.builtOn;
  if (hasProblem(outcomes)) event.exchanges = exchanges.map(forReport);
  return event;
}

/** A case that sent nothing and was judged by nothing: its base request was never accepted (see CaseFinished.inconclusive). */
export function inconclusiveEvent(tc: TestCase, reason: string): CaseFinished {
  const event: CaseFinished = {
    type: 'case-finished',
    caseId: tc.id,
    operationId: tc.operationId,
    phase: tc.phase,
    expectation: tc.expectation,
    outcomes: [],
    latency: { totalMs: 0, stream: false },
    requests: 0,
    retries: 0,
    inconclusive: reason,
  };
  if (tc.description) event.description = tc.description;
  if (tc.violation) event.violation = tc.violation;
  return event;
}

export function runFinishedEvent(startedAt: number, counts: { requests: number; tokens: number }, stop?: { stoppedBy: string; notRun: number }): RunFinished {
  return {
    type: 'run-finished',
    at: new Date().toISOString(),
    durationMs: Date.now() - startedAt,
    ...(stop ? { stoppedBy: stop.stoppedBy, notRun: stop.notRun } : {}),
    requests: counts.requests,
    tokens: counts.tokens,
  };
}
