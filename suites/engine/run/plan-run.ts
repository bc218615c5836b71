// The plan: generated cases for every operation (with the suites' hints), authentication cases, then
// the suites' own case sources. Cases of a sequential source are kept apart: they run one at a time,
// after the others. Read-only runs and replays (`onlyCases`) keep only the cases they may run.
import type { Operation } from '../../openapi/model.js';
import { planAuthCases } from '../plan-auth.js';
import { planCases } from '../plan.js';
import type { GenerationHints, SuitePlugin, TestCase } from '../types.js';
import { requestKey } from './base-resolver.js';
import type { RunContext } from './run-context.js';

export interface RunPlan {
  /** Run side by side, `concurrency` at a time. */
  concurrent: TestCase[];
  /** Run one at a time, after the concurrent ones. */
  sequential: TestCase[];
  /** The base case (`<op>/base/0`) of each operation with derived cases in the plan. */
  baseCases: Map<string, TestCase>;
  /** What the `planned` event said (cases the run expects to finish), kept up to date when cause isolation adds or drops some. */
  totals: { cases: number; casesByOperation: Record<string, number> };
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isReadOnlyCase(tc: TestCase): boolean {
  if (tc.meta?.mutating === true) return false;
  return tc.steps.every((s) => (typeof s.request === 'function' ? tc.meta?.mutating === false : !MUTATING.has(s.request.method)));
}

function hintsFor(plugins: SuitePlugin[], op: Operation): GenerationHints | undefined {
  for (const p of plugins) {
    const h = p.hints?.(op);
    if (h) return h;
  }
  return undefined;
}

/** Generated (and authentication) cases of one operation; none, with the reason emitted, when it cannot have any. */
function generatedCases(ctx: RunContext, op: Operation): TestCase[] {
  const { spec, options, plugins } = ctx.input;
  const hints = hintsFor(plugins, op);
  if (hints?.skip) {
    ctx.emit({ type: 'operation-skipped', operationId: op.id, reason: hints.skip });
    return [];
  }
  let planned: TestCase[];
  try {
    planned = planCases(spec, op, { seed: options.seed, runs: options.runs, phases: options.phases, ...(hints ? { hints } : {}) });
  } catch (err) {
    // A schema no value can satisfy (or one the generator cannot handle) costs that operation, not the run.
    ctx.emit({ type: 'operation-skipped', operationId: op.id, reason: `cannot generate requests: ${(err as Error).message.split('\n')[0]}` });
    return [];
  }
  return options.phases.includes('auth') ? [...planned, ...planAuthCases(op, planned)] : planned;
}

/** The suites' own cases for the selected operations and phases. */
function sourceCases(ctx: RunContext, operations: Operation[]): Pick<RunPlan, 'concurrent' | 'sequential'> {
  const { spec, options, plugins } = ctx.input;
  const selected = new Set(operations.map((o) => o.id));
  const plan: Pick<RunPlan, 'concurrent' | 'sequential'> = { concurrent: [], sequential: [] };
  for (const source of plugins.flatMap((p) => p.caseSources ?? [])) {
    for (const tc of source.cases({ spec, options, operations })) {
      if (selected.has(tc.operationId) && options.phases.includes(tc.phase)) (source.sequential ? plan.sequential : plan.concurrent).push(tc);
    }
  }
  return plan;
}

/**
 * A replay (`onlyCases`) of a case built on a base request runs that operation's base case too (the
 * base must be found again), and a replay of a base or support probe runs the base case and the
 * cases that need the probe.
 */
function wanted(onlyCases: string[] | undefined, cases: TestCase[]): (tc: TestCase) => boolean {
  if (!onlyCases?.length) return () => true;
  const ids = new Set(onlyCases);
  const probeOps = new Set(onlyCases.filter((id) => /\/base\/[^/]+$/.test(id)).map((id) => id.replace(/\/base\/[^/]+$/, '')));
  const derivedOps = new Set(cases.filter((tc) => tc.derived && ids.has(tc.id)).map((tc) => tc.operationId));
  return (tc) =>
    ids.has(tc.id) ||
    (tc.base !== undefined && (derivedOps.has(tc.operationId) || probeOps.has(tc.operationId))) ||
    (tc.derived === true && probeOps.has(tc.operationId) && [...ids].some((id) => id.includes('/base/support')));
}

/** Support probes the kept derived cases of each operation need (on the first candidate). */
function plannedProbes(cases: TestCase[]): Record<string, number> {
  const kept = new Set(cases.filter((tc) => tc.derived).map((tc) => tc.id));
  const out: Record<string, number> = {};
  for (const tc of cases) {
    const first = tc.base?.candidates[0];
    if (!tc.base || !first) continue;
    const keys = new Set<string>();
    for (const [id, d] of tc.base.derive(first.values)) if (d.support && kept.has(id)) keys.add(requestKey(d.support));
    out[tc.operationId] = keys.size;
  }
  return out;
}

export function planRun(ctx: RunContext, operations: Operation[]): RunPlan {
  const { options, onlyCases } = ctx.input;
  const generated = operations.flatMap((op) => generatedCases(ctx, op));
  const sources = sourceCases(ctx, operations);
  const all = [...generated, ...sources.concurrent, ...sources.sequential];
  const replayed = wanted(onlyCases, all);
  const runnable = (tc: TestCase): boolean => (!options.readOnly || isReadOnlyCase(tc)) && replayed(tc);
  const concurrent = [...generated, ...sources.concurrent].filter(runnable);
  const sequential = sources.sequential.filter(runnable);
  const casesByOperation: Record<string, number> = {};
  for (const tc of [...concurrent, ...sequential]) casesByOperation[tc.operationId] = (casesByOperation[tc.operationId] ?? 0) + 1;
  for (const [op, n] of Object.entries(plannedProbes(concurrent))) casesByOperation[op] = (casesByOperation[op] ?? 0) + n;
  const totals = { cases: Object.values(casesByOperation).reduce((a, b) => a + b, 0), casesByOperation };
  ctx.emit({ type: 'planned', cases: totals.cases, casesByOperation: { ...casesByOperation } });
  const baseCases = new Map(concurrent.filter((tc) => tc.base).map((tc) => [tc.operationId, tc]));
  return { concurrent, sequential, baseCases, totals };
}
