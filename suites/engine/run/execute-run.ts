// Runs the plan: concurrent cases side by side, then sequential ones one at a time, then the suites'
// work after the cases. Stops starting new work once the run must stop; what was not started is counted.
import type { AfterCasesWork } from '../types.js';
import { runAfterCases } from './after-cases.js';
import { pool } from './pool.js';
import type { RunContext } from './run-context.js';
import { runCase } from './run-case.js';
import type { RunPlan } from './plan-run.js';

export async function executeRun(ctx: RunContext, plan: RunPlan, afterCases: AfterCasesWork[]): Promise<void> {
  const run = (tc: Parameters<typeof runCase>[1]): Promise<void> => runCase(ctx, tc);
  // The pools own the cases from here (and drop each one once run). Awaited before adding: cases
  // count themselves as not run while the pool runs (`ctx.notRun += await ...` would lose those).
  const skipped = await pool(plan.concurrent, ctx.input.options.concurrency, run, ctx.stop.shouldStop);
  ctx.notRun += skipped;
  // Cases of sequential sources run one at a time (see CaseSource.sequential).
  const skippedSequential = await pool(plan.sequential, 1, run, ctx.stop.shouldStop);
  ctx.notRun += skippedSequential;
  await runAfterCases(ctx, afterCases);
}
