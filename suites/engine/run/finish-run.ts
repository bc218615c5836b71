// After the run, stopped or not: the suites undo what the run created (from the budget kept back for
// it), then run-finished closes the event stream with the counts and, if the run stopped early, why.
import type { CleanupReport, PrepareContext } from '../types.js';
import type { RunContext } from './run-context.js';
import { runFinishedEvent } from './run-events.js';

async function cleanUp(ctx: RunContext, prepareContext: PrepareContext): Promise<CleanupReport> {
  const report: CleanupReport = { created: [], cleaned: [], failed: [] };
  const cleanupContext: PrepareContext = { ...prepareContext, send: (request) => ctx.sender.sendCleanup(request) };
  for (const p of ctx.input.plugins) {
    if (!p.cleanup) continue;
    try {
      const r = await p.cleanup(cleanupContext);
      report.created.push(...r.created);
      report.cleaned.push(...r.cleaned);
      report.failed.push(...r.failed);
    } catch (err) {
      report.failed.push({ kind: p.name, id: '*', reason: (err as Error).message });
    }
  }
  return report;
}

export async function finishRun(ctx: RunContext, prepareContext: PrepareContext): Promise<void> {
  ctx.emit({ type: 'cleanup', report: await cleanUp(ctx, prepareContext) });
  const { reason } = ctx.stop;
  ctx.emit(
    runFinishedEvent(
      ctx.startedAt,
      { requests: ctx.sender.requests, tokens: ctx.sender.tokens },
      reason ? { stoppedBy: reason, notRun: ctx.notRun } : undefined,
    ),
  );
}
