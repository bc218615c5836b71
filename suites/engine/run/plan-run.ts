// The plan: generated cases for every operation (with the suites' hints), authentication cases, then
// the suites' own case sources. Cases of a sequential source are kept apart: they run one at a time,
// after the others. Read-only runs and replays (`onlyCases`) keep only the cases they may run.
import type { Operation } from '../../openapi/model.js';
import { planAuthCases } from '../plan-auth.js';
import { planCases } from '../plan.js';
import type { GenerationHints, SuitePlugin, TestCase } from '../types.js';
import type { RunContext } from './run-context.js';

export interface RunPlan {
  /** Run side by side, `concurrency` at a time. */
  concurrent: TestCase[];
  /** Run one at a time, after the concurrent ones. */
  sequential: TestCase[];
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
function sourceCases(ctx: RunContext, operations: Operation[]): RunPlan {
  const { spec, options, plugins } = ctx.input;
  const selected = new Set(operations.map((o) => o.id));
  const plan: RunPlan = { concurrent: [], sequential: [] };
  for (const source of plugins.flatMap((p) => p.caseSources ?? [])) {
    for (const tc of source.cases({ spec, options, operations })) {
      if (selected.has(tc.operationId) && options.phases.includes(tc.phase)) (source.sequential ? plan.sequential : plan.concurrent).push(tc);
    }
  }
  return plan;
}

export function planRun(ctx: RunContext, operations: Operation[]): RunPlan {
  const { options, onlyCases } = ctx.input;
  const runnable = (tc: TestCase): boolean => (!options.readOnly || isReadOnlyCase(tc)) && (!onlyCases?.length || onlyCases.includes(tc.id));
  const generated = operations.flatMap((op) => generatedCases(ctx, op));
  const sources = sourceCases(ctx, operations);
  const plan: RunPlan = { concurrent: [...generated, ...sources.concurrent].filter(runnable), sequential: sources.sequential.filter(runnable) };
  const casesByOperation: Record<string, number> = {};
  for (const tc of [...plan.concurrent, ...plan.sequential]) casesByOperation[tc.operationId] = (casesByOperation[tc.operationId] ?? 0) + 1;
  ctx.emit({ type: 'planned', cases: plan.concurrent.length + plan.sequential.length, casesByOperation });
  return plan;
}
