// Runs the plan: concurrent cases side by side, then sequential ones one at a time, then the suites'
// work after the cases. Stops starting new work once the run must stop; what was not started is counted.
import type { AfterCasesWork, TestCase } from '../types.js';
import { createBaseResolver } from './base-resolver.js';
import { runAfterCases } from './after-cases.js';
import { pool } from './pool.js';
import type { RunContext } from './run-context.js';
import { runCase, sendCase } from './run-case.js';
import type { RunPlan } from './plan-run.js';

export async function executeRun(ctx: RunContext, plan: RunPlan, afterCases: AfterCasesWork[]): Promise<void> {
  const kept = new Set(plan.concurrent.filter((tc) => tc.derived).map((tc) => tc.id));
  const bases = createBaseResolver({
    baseCases: plan.baseCases,
    operations: ctx.operationsById,
    policy: ctx.input.policy,
    run: (tc) => sendCase(ctx, tc),
    kept: (id) => kept.has(id),
    replanned: (operationId, delta) => {
      // The plan changed with the target's answers: progress gets the new totals.
      const t = plan.totals;
      t.casesByOperation[operationId] = (t.casesByOperation[operationId] ?? 0) + delta;
      t.cases += delta;
      ctx.emit({ type: 'planned', cases: t.cases, casesByOperation: { ...t.casesByOperation } });
    },
  });
  const run = (tc: TestCase): Promise<void> => runCase(ctx, tc, bases);
  // The pools own the cases from here (and drop each one once run). Awaited before adding: cases
  // count themselves as not run while the pool runs (`ctx.notRun += await ...` would lose those).
  const skipped = await pool(plan.concurrent, ctx.input.options.concurrency, run, ctx.stop.shouldStop);
  ctx.notRun += skipped;
  // Cases of sequential sources run one at a time (see CaseSource.sequential).
  const skippedSequential = await pool(plan.sequential, 1, run, ctx.stop.shouldStop);
  ctx.notRun += skippedSequential;
  // Support probes the plan counted whose cases never started.
  ctx.notRun += bases.unrunProbes();
  await runAfterCases(ctx, afterCases);
}
