// The plan of a run without the run: which operations it covers and how many cases of each phase it
// would send, computed as `run` plans them. Nothing is sent: the suites' discovery sees a target that
// answers nothing (as a run against a target without a models list: configured model ids, else the
// suite's defaults). `operations` lists it.
import type { Exchange, Phase, PrepareContext, RequestSpec } from '../types.js';
import { planRun } from './plan-run.js';
import { createRunContext, type RunSuiteInput } from './run-context.js';
import { operationsToRun } from './select-operations.js';

export interface PlannedOperation {
  operationId: string;
  method: string;
  path: string;
  tags: string[];
  /** Cases per phase the run would send (phases without cases left out). */
  phases: Partial<Record<Phase, number>>;
  /** Why the run would skip it (no case at all), when it would. */
  skipped?: string;
}

export interface PlanPreview {
  operations: PlannedOperation[];
  /** Operations of the spec the filters (and shard) leave out. */
  filteredOut: number;
}

/** Discovery's view of a target that answers nothing: every request an exchange without a response. */
function silentTarget(input: RunSuiteInput): PrepareContext {
  return {
    spec: input.spec,
    options: input.options,
    log: () => undefined,
    send: async (request: RequestSpec): Promise<Exchange> => ({
      request: { method: request.method, url: request.path, headers: {} },
      error: { kind: 'network', message: 'not sent: planning only' },
      timing: { startedAt: 0, totalMs: 0 },
      retries: 0,
    }),
  };
}

export async function previewPlan(input: RunSuiteInput): Promise<PlanPreview> {
  for (const p of input.plugins) await p.prepare?.(silentTarget(input));
  const skipped = new Map<string, string>();
  const ctx = createRunContext(
    input,
    (e) => {
      if (e.type === 'operation-skipped') skipped.set(e.operationId, e.reason);
    },
    Date.now(),
  );
  const selected = operationsToRun(input.spec.operations, input.options, input.shard);
  const plan = planRun(ctx, selected);
  const phases = new Map<string, Partial<Record<Phase, number>>>();
  for (const tc of [...plan.concurrent, ...plan.sequential]) {
    const counts = phases.get(tc.operationId) ?? {};
    counts[tc.phase] = (counts[tc.phase] ?? 0) + 1;
    phases.set(tc.operationId, counts);
  }
  return {
    operations: selected.map((op) => ({
      operationId: op.id,
      method: op.method.toUpperCase(),
      path: op.path,
      tags: op.tags,
      phases: phases.get(op.id) ?? {},
      ...(skipped.has(op.id) ? { skipped: skipped.get(op.id)! } : {}),
    })),
    filteredOut: input.spec.operations.length - selected.length,
  };
}
