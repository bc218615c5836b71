// The engine: plans cases for every selected operation, sends them through the transport, runs the
// checks, and emits one stream of events. It knows nothing of Mistral: suites plug in through
// SuitePlugin, and reporters listen to the events.
import { randomUUID } from 'node:crypto';
import type { LoadedSpec } from '../openapi/load-spec.js';
import type { Operation } from '../openapi/model.js';
import { createOperationMatcher } from '../openapi/operation-matcher.js';
import { createBudget, type Budget } from './budget.js';
import type { CaseFinished, EventListener, OperationInfo, Reproduction, RunEvent, SpecSummary } from './events.js';
import { executeCase } from './execute-case.js';
import { planAuthCases } from './plan-auth.js';
import { planCases } from './plan.js';
import { ResultsReducer, type RunResults } from './results.js';
import { runChecks } from './run-checks.js';
import { inShard, type Shard } from './shard.js';
import { sendContextFor } from './send-context.js';
import { toCurl } from './transport/curl.js';
import type { Transport } from './transport/http-client.js';
import { redactHeaders } from './transport/redact.js';
import type {
  Check,
  CheckMeta,
  CleanupReport,
  Exchange,
  GenerationHints,
  PrepareContext,
  RequestSpec,
  RunOptions,
  StatusPolicy,
  SuitePlugin,
  TestCase,
} from './types.js';

export interface RunSuiteInput {
  spec: LoadedSpec;
  /** Or a function computing it (a lint), called once after discovery: the first request need not wait for it. */
  specSummary: SpecSummary | (() => SpecSummary);
  /**
   * Recorded in run-started as given, credentials removed: a caller's own options (its suites') may
   * ride along in the same object and are recorded with the engine's, in the caller's order.
   */
  options: RunOptions;
  transport: Transport;
  plugins: SuitePlugin[];
  /** Generic checks; plugin checks are added to them. */
  checks: Check[];
  policy: StatusPolicy;
  listeners: EventListener[];
  tool: { name: string; version: string };
  targetName?: string;
  budget?: { maxRequests?: number; maxTotalTokens?: number; maxDurationMs?: number };
  shard?: Shard;
  /** True once the run must stop starting new work (SIGINT, SIGTERM). */
  stopRequested?: () => boolean;
  /** Check ids to run (all when empty). */
  onlyChecks?: string[];
  /** Check ids not to run (e.g. a check known to be flaky on a non-deterministic vendor). */
  skipChecks?: string[];
  /** Case ids to run (all when empty): replay re-plans with the same seed and runs just these. */
  onlyCases?: string[];
}

export class TargetUnreachableError extends Error {
  override name = 'TargetUnreachableError';
}

/** Feeds the reducer, then every listener; one broken listener (a reporter) must not break the run. */
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

function matches(op: Operation, patterns: string[]): boolean {
  return patterns.some((p) => p === op.id || op.tags.includes(p) || `${op.method.toUpperCase()} ${op.path}` === p);
}

export function selectOperations(operations: Operation[], options: Pick<RunOptions, 'include' | 'exclude'>): Operation[] {
  return operations.filter((op) => (options.include.length === 0 || matches(op, options.include)) && !matches(op, options.exclude));
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CREATING = new Set(['POST', 'PUT', 'PATCH']);

function isReadOnlyCase(tc: TestCase): boolean {
  if (tc.meta?.mutating === true) return false;
  return tc.steps.every((s) => (typeof s.request === 'function' ? tc.meta?.mutating === false : !MUTATING.has(s.request.method)));
}

/** Exchanges kept in events: bounded, without raw bytes (reports are JSON). */
function forReport(ex: Exchange): Exchange {
  if (!ex.response) return ex;
  const { raw: _raw, ...response } = ex.response;
  return { ...ex, response };
}

function mergeHints(plugins: SuitePlugin[], op: Operation): GenerationHints | undefined {
  for (const p of plugins) {
    const h = p.hints?.(op);
    if (h) return h;
  }
  return undefined;
}

async function pool<T>(items: T[], concurrency: number, worker: (item: T) => Promise<void>, stop: () => boolean): Promise<number> {
  let next = 0;
  let skipped = 0;
  const runners = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next]!;
      // Let a case be collected once it has run: a long plan must not stay in memory to the end.
      items[next++] = undefined as T;
      if (stop()) {
        skipped++;
        continue;
      }
      await worker(item);
    }
  });
  await Promise.all(runners);
  return skipped;
}

export async function runSuite(input: RunSuiteInput): Promise<RunResults> {
  const { spec, options, transport, plugins } = input;
  const started = Date.now();
  const reducer = new ResultsReducer();
  const emit = createEmitter(reducer, input.listeners);
  const checks = [...input.checks, ...plugins.flatMap((p) => p.checks ?? [])].filter(
    (c) => (!input.onlyChecks?.length || input.onlyChecks.includes(c.id)) && !input.skipChecks?.includes(c.id),
  );
  const folds = plugins.flatMap((p) => p.streamFolds ?? []);
  const tokensOf = (ex: Exchange): number => {
    for (const p of plugins) {
      const t = p.tokensOf?.(ex);
      if (t !== undefined) return t;
    }
    return 0;
  };
  const operationsById = new Map(spec.operations.map((o) => [o.id, o]));
  const budget: Budget = createBudget(input.budget ?? {}, () => Date.now());
  let stoppedBy: string | undefined;
  const shouldStop = (): boolean => {
    if (stoppedBy) return true;
    if (input.stopRequested?.()) stoppedBy = 'interrupted';
    else stoppedBy = budget.exhausted();
    return stoppedBy !== undefined;
  };
  let tokens = 0;
  let requests = 0;
  // Requests in flight that may create something (POST, PUT, PATCH): each may need a clean-up request.
  let creatingInFlight = 0;
  // A request budget keeps back what clean-up will need: what the suites already must undo, plus one
  // per creating request in flight (and the one about to start). At most `concurrency` requests of the
  // budget go unused this way, and the run never sends more than the budget, clean-up included.
  const reserve = (request: RequestSpec): number =>
    plugins.reduce((n, p) => n + (p.pendingCleanup?.() ?? 0), 0) + creatingInFlight + (CREATING.has(request.method) ? 1 : 0);
  const notSent = (request: RequestSpec): Exchange => ({
    request: { method: request.method, url: request.path, headers: {} },
    error: { kind: 'budget', message: `not sent: ${budget.exhausted() ?? 'budget exhausted'}` },
    timing: { startedAt: Date.now(), totalMs: 0 },
    retries: 0,
  });

  const send = async (request: RequestSpec, op: Operation | undefined, keepRawBody = false): Promise<Exchange> => {
    requests++;
    const creating = CREATING.has(request.method);
    if (creating) creatingInFlight++;
    try {
      const ex = await transport.send(request, sendContextFor(spec, op, folds, keepRawBody));
      const t = tokensOf(ex);
      tokens += t;
      budget.recordTokens(t);
      return ex;
    } finally {
      if (creating) creatingInFlight--;
    }
  };
  const matcher = createOperationMatcher(spec.operations);
  const opOf = (request: RequestSpec): Operation | undefined => matcher.find(request.method, request.path);
  const logs: string[] = [];
  const prepareCtx: PrepareContext = {
    spec,
    options,
    log: (message) => {
      logs.push(message);
      emit({ type: 'log', level: 'info', message });
    },
    send: async (request) => {
      // Discovery spends the same budget as the cases (a paid API counts every request).
      if (!budget.beforeRequest(0, reserve(request))) {
        shouldStop();
        return notSent(request);
      }
      const ex = await send(request, opOf(request));
      if (requests === 1 && ex.error && (ex.error.kind === 'network' || ex.error.kind === 'timeout') && !ex.response) {
        throw new TargetUnreachableError(`cannot reach ${options.target}: ${ex.error.message}`);
      }
      return ex;
    },
  };

  // Discovery first: the plan depends on what the target serves (its models, its resources).
  for (const p of plugins) await p.prepare?.(prepareCtx);

  const selected = selectOperations(spec.operations, options).filter(
    (op) =>
      !input.shard ||
      inShard(
        op.id,
        input.shard,
        spec.operations.map((o) => o.id),
      ),
  );
  const probes = plugins.flatMap((p) => (p.afterCases && options.phases.includes(p.afterCases.phase) ? [p.afterCases] : []));
  const operationInfos: OperationInfo[] = [
    ...selected.map((op) => ({ operationId: op.id, method: op.method.toUpperCase(), path: op.path, tags: op.tags, area: operationArea(op) })),
    ...probes.flatMap((p) => p.operations),
  ];
  const { apiKey: _key, ...safeOptions } = options;
  // A credential given as an extra header (a gateway's key) is redacted like the API key.
  safeOptions.extraHeaders = redactHeaders(options.extraHeaders, [options.apiKey], options.authHeader ? [options.authHeader.name] : []);
  emit({
    type: 'run-started',
    version: 1,
    tool: input.tool,
    runId: randomUUID(),
    at: new Date(started).toISOString(),
    target: options.target,
    ...(input.targetName ? { targetName: input.targetName } : {}),
    seed: options.seed,
    spec: typeof input.specSummary === 'function' ? input.specSummary() : input.specSummary,
    options: safeOptions as Record<string, unknown>,
    checks: checkMetas([...checks, ...probes.flatMap((p) => p.checks)]),
    operations: operationInfos,
    ...(input.shard ? { shard: input.shard } : {}),
  });

  // Plan.
  const concurrent: TestCase[] = [];
  const sequential: TestCase[] = [];
  const selectedIds = new Set(selected.map((o) => o.id));
  for (const op of selected) {
    const hints = mergeHints(plugins, op);
    if (hints?.skip) {
      emit({ type: 'operation-skipped', operationId: op.id, reason: hints.skip });
      continue;
    }
    let planned: TestCase[];
    try {
      planned = planCases(spec, op, { seed: options.seed, runs: options.runs, phases: options.phases, ...(hints ? { hints } : {}) });
    } catch (err) {
      // A schema no value can satisfy (or one the generator cannot handle) costs that operation, not the run.
      emit({ type: 'operation-skipped', operationId: op.id, reason: `cannot generate requests: ${(err as Error).message.split('\n')[0]}` });
      continue;
    }
    concurrent.push(...planned);
    if (options.phases.includes('auth')) concurrent.push(...planAuthCases(op, planned));
  }
  for (const p of plugins) {
    for (const source of p.caseSources ?? []) {
      for (const tc of source.cases({ spec, options, operations: selected })) {
        if (!selectedIds.has(tc.operationId) || !options.phases.includes(tc.phase)) continue;
        (source.sequential ? sequential : concurrent).push(tc);
      }
    }
  }
  const runnable = (tc: TestCase): boolean => (!options.readOnly || isReadOnlyCase(tc)) && (!input.onlyCases?.length || input.onlyCases.includes(tc.id));
  const plannedCases = [...concurrent, ...sequential].filter(runnable);
  let notRun = 0;
  const casesByOperation: Record<string, number> = {};
  for (const tc of plannedCases) casesByOperation[tc.operationId] = (casesByOperation[tc.operationId] ?? 0) + 1;
  emit({ type: 'planned', cases: plannedCases.length, casesByOperation });

  const runCase = async (tc: TestCase): Promise<void> => {
    const executed = await executeCase(
      tc,
      async (request, step) => {
        if (!budget.beforeRequest(0, reserve(request))) {
          shouldStop();
          return notSent(request);
        }
        return send(request, operationsById.get(step.operationId), step.keepRawBody === true);
      },
      shouldStop,
    );
    const sent = executed.exchanges.filter((e) => e.error?.kind !== 'budget');
    if (sent.length === 0) {
      notRun++;
      return;
    }
    const outcomes = runChecks({
      spec,
      operations: operationsById,
      testCase: tc,
      exchanges: sent,
      policy: input.policy,
      checks,
      ...(options.apiKey ? { secret: options.apiKey } : {}),
    });
    for (const [i, ex] of sent.entries()) {
      const op = operationsById.get(tc.steps[i]?.operationId ?? tc.operationId);
      if (op) for (const p of plugins) p.observe?.(op, ex, tc);
    }
    const bad = outcomes.some((o) => o.status !== 'passed' && o.status !== 'skipped');
    const first = sent[0]!;
    const sse = sent.find((e) => e.response?.sse)?.response?.sse;
    const event: CaseFinished = {
      type: 'case-finished',
      caseId: tc.id,
      operationId: tc.operationId,
      phase: tc.phase,
      expectation: tc.expectation,
      outcomes,
      latency: {
        ...(first.timing.ttfbMs !== undefined ? { ttfbMs: first.timing.ttfbMs } : {}),
        totalMs: first.timing.totalMs,
        stream: sse !== undefined,
        ...(sse?.firstEventMs !== undefined ? { firstEventMs: sse.firstEventMs } : {}),
        ...(sse && sse.gapsMs.count > 0 ? { gapMedianMs: sse.gapsMs.median, gapP95Ms: sse.gapsMs.p95 } : {}),
      },
      requests: sent.length,
      ...(tc.steps.length > 1 ? { stepOperations: tc.steps.slice(0, sent.length).map((s) => s.operationId) } : {}),
      retries: sent.reduce((n, e) => n + e.retries, 0),
      tokens: sent.reduce((n, e) => n + tokensOf(e), 0),
    };
    if (tc.description) event.description = tc.description;
    if (tc.violation) event.violation = tc.violation;
    if (bad) {
      event.exchanges = sent.map(forReport);
      event.reproduction = reproduction(tc, executed.requests, options);
      const curlOf = (req: RequestSpec, base: string): string =>
        toCurl(req, base, { apiKeyEnv: options.apiKeyEnv, ...(options.authHeader ? { authHeader: options.authHeader } : {}) });
      for (const p of plugins) {
        const script = p.reproduction?.(tc, sent, options.target, curlOf);
        if (script) event.reproduction.script = script;
      }
    }
    emit(event);
  };

  const sequentialIds = new Set(sequential.map((c) => c.id));
  const concurrentRuns = plannedCases.filter((c) => !sequentialIds.has(c.id));
  const sequentialRuns = plannedCases.filter((c) => sequentialIds.has(c.id));
  // The pools own the cases from here (and drop each one once run).
  concurrent.length = 0;
  sequential.length = 0;
  plannedCases.length = 0;
  try {
    notRun += await pool(concurrentRuns, options.concurrency, runCase, shouldStop);
    // Cases of sequential sources run one at a time (see CaseSource.sequential).
    notRun += await pool(sequentialRuns, 1, runCase, shouldStop);
    for (const probe of probes) {
      if (shouldStop()) break;
      // The probe sends through its own client (one request per call): it runs only if all of them fit.
      const calls = probe.requests ?? probe.operations.length;
      const room = budget.remaining.requests;
      if (room !== undefined && room < calls + reserve({ method: 'GET', path: '', query: [], headers: {}, auth: { kind: 'default' } })) {
        stoppedBy = 'budget:max-requests';
        emit({ type: 'log', level: 'warn', message: `${probe.name} not run: its ${calls} requests do not fit in what is left of --max-requests` });
        break;
      }
      for (let i = 0; i < calls; i++) budget.beforeRequest();
      requests += calls;
      await probe.run({
        options,
        record: (r) =>
          emit({
            type: 'case-finished',
            caseId: r.caseId,
            operationId: r.operationId,
            phase: probe.phase,
            expectation: 'accept',
            description: r.description,
            outcomes: r.outcomes,
            latency: { totalMs: r.durationMs, stream: false },
            requests: 1,
            retries: 0,
          }),
      });
    }
  } finally {
    const report: CleanupReport = { created: [], cleaned: [], failed: [] };
    // Clean-up runs even after a stop, from the budget kept back for it.
    const cleanupCtx: PrepareContext = {
      ...prepareCtx,
      send: async (request) => (budget.beforeCleanupRequest() ? send(request, opOf(request)) : notSent(request)),
    };
    for (const p of plugins) {
      if (!p.cleanup) continue;
      try {
        const r = await p.cleanup(cleanupCtx);
        report.created.push(...r.created);
        report.cleaned.push(...r.cleaned);
        report.failed.push(...r.failed);
      } catch (err) {
        report.failed.push({ kind: p.name, id: '*', reason: (err as Error).message });
      }
    }
    emit({ type: 'cleanup', report });
    emit({
      type: 'run-finished',
      at: new Date().toISOString(),
      durationMs: Date.now() - started,
      ...(stoppedBy ? { stoppedBy, notRun } : {}),
      requests,
      tokens,
    });
  }
  return reducer.results();
}

function reproduction(tc: TestCase, requests: RequestSpec[], options: RunOptions): Reproduction {
  const r: Reproduction = {
    curl: requests.map((req) =>
      toCurl(req, options.target, { apiKeyEnv: options.apiKeyEnv, ...(options.authHeader ? { authHeader: options.authHeader } : {}) }),
    ),
    command: `mistral-conformance replay --report <report.json> --case ${tc.id} --target ${options.target}`,
  };
  if (tc.generation) {
    r.seed = tc.generation.seed;
    r.path = tc.generation.path;
  }
  return r;
}
