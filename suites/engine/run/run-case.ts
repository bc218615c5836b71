// One case: its steps sent through the run's sender (which shows the suites every exchange as it is
// answered), the checks run over what came back, and its event emitted. A case none of whose
// requests fit in the budget is not run, and counted so.
import { executeCase } from '../execute-case.js';
import { runChecks } from '../run-checks.js';
import type { TestCase } from '../types.js';
import type { RunContext } from './run-context.js';
import { caseFinishedEvent } from './run-events.js';
import { reproduction } from './reproduction.js';

export async function runCase(ctx: RunContext, tc: TestCase): Promise<void> {
  const { spec, options, plugins, policy } = ctx.input;
  // The suites saw each exchange as it was answered (see RunSender.send).
  const executed = await executeCase(
    tc,
    (request, step) => ctx.sender.send(request, ctx.operationsById.get(step.operationId), step.keepRawBody === true),
    ctx.stop.shouldStop,
  );
  const sent = executed.exchanges.filter((e) => e.error?.kind !== 'budget');
  // A case the run's stop cut short (a stream ended at Ctrl-C or --max-duration) says nothing about
  // the target: it is not judged, and counts as not run.
  if (sent.length === 0 || sent.some((e) => e.error?.kind === 'aborted')) {
    ctx.notRun++;
    return;
  }
  const outcomes = runChecks({
    spec,
    operations: ctx.operationsById,
    testCase: tc,
    exchanges: sent,
    policy,
    checks: ctx.checks,
    ...(options.apiKey ? { secret: options.apiKey } : {}),
  });
  const event = caseFinishedEvent(tc, sent, outcomes, { streamGaps: true, tokens: sent.reduce((n, e) => n + ctx.sender.tokensOf(e), 0) });
  if (event.exchanges) event.reproduction = reproduction(tc, executed.requests, sent, options, plugins);
  ctx.emit(event);
}
