// After the run, stopped or not: the suites undo what the run created (from the budget kept back for
// it), then run-finished closes the event stream with the counts and, if the run stopped early, why.
import type { CleanupReport, PrepareContext } from '../types.js';
import type { RunContext } from './run-context.js';
import { STOPS_NOW } from './run-abort.js';
import { runFinishedEvent } from './run-events.js';

/** Clean-up after a stop that means now, when the options do not say: CI's hard kill comes soon after. */
export const DEFAULT_CLEANUP_TIMEOUT_MS = 10_000;

/**
 * After an interruption or --max-duration, clean-up has a deadline: requests after it are not sent
 * (what they would have undone stays in the event log for `cleanup --from`). A run that ended on its
 * own cleans up without one: it is bounded by each request's timeout.
 */
function cleanupDeadline(ctx: RunContext): { signal?: AbortSignal; dispose(): void } {
  if (!ctx.stop.reason || !STOPS_NOW.has(ctx.stop.reason)) return { dispose() {} };
  const ms = ctx.input.options.cleanupTimeoutMs ?? DEFAULT_CLEANUP_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`clean-up took longer than ${ms} ms`)), ms);
  return { signal: controller.signal, dispose: () => clearTimeout(timer) };
}

async function cleanUp(ctx: RunContext, prepareContext: PrepareContext): Promise<CleanupReport> {
  const report: CleanupReport = { created: [], cleaned: [], failed: [] };
  const deadline = cleanupDeadline(ctx);
  try {
    await cleanUpWith(ctx, prepareContext, report, deadline.signal);
  } finally {
    deadline.dispose();
  }
  if (deadline.signal?.aborted && report.failed.length)
    ctx.emit({
      type: 'log',
      level: 'warn',
      message: `clean-up stopped after ${ctx.input.options.cleanupTimeoutMs ?? DEFAULT_CLEANUP_TIMEOUT_MS} ms with ${report.failed.length} resources left: run mistral-conformance cleanup --from events.ndjson`,
    });
  return report;
}

async function cleanUpWith(ctx: RunContext, prepareContext: PrepareContext, report: CleanupReport, signal: AbortSignal | undefined): Promise<void> {
  const cleanupContext: PrepareContext = { ...prepareContext, send: (request) => ctx.sender.sendCleanup(request, signal) };
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
