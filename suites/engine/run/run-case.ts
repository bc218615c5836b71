// One case: its steps sent through the run's sender (which shows the suites every exchange as it is
// answered), the checks run over what came back, and its event emitted. A case none of whose
// requests fit in the budget is not run, and counted so. A base case searches its operation's base
// request; a derived case is rebuilt on the accepted base first, or is inconclusive when there is none.
import { executeCase } from '../execute-case.js';
import { runChecks } from '../run-checks.js';
import type { DerivedRequest, Exchange, TestCase } from '../types.js';
import type { BaseResolver } from './base-resolver.js';
import type { RunContext } from './run-context.js';
import { caseFinishedEvent, inconclusiveEvent } from './run-events.js';
import { reproduction } from './reproduction.js';

/** Sends and judges one case; the exchanges it sent, or undefined when none fit (counted as not run). */
export async function sendCase(ctx: RunContext, tc: TestCase): Promise<Exchange[] | undefined> {
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
    return undefined;
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
  return sent;
}

/** The derived case as sent on the accepted base. */
function onBase(tc: TestCase, d: DerivedRequest, base: string, support?: string): TestCase {
  const { violation: _v, derived: _d, ...rest } = tc;
  const built: TestCase = {
    ...rest,
    expectation: d.expectation,
    description: d.description,
    steps: [{ ...tc.steps[0]!, request: d.request }],
    builtOn: support ? { base, support } : { base },
  };
  if (d.violation) built.violation = d.violation;
  return built;
}

export async function runCase(ctx: RunContext, tc: TestCase, bases: BaseResolver): Promise<void> {
  if (tc.base) {
    // The search sends this case (and the next candidates when the target refuses it).
    if (!(await bases.resolve(tc.operationId))) return;
    return;
  }
  if (!tc.derived) {
    await sendCase(ctx, tc);
    return;
  }
  if (ctx.stop.shouldStop()) {
    ctx.notRun++;
    return;
  }
  const resolved = await bases.resolve(tc.operationId);
  if (!resolved) {
    ctx.notRun++;
    return;
  }
  if (!resolved.accepted) {
    ctx.emit(inconclusiveEvent(tc, resolved.reason ?? 'no valid request accepted'));
    return;
  }
  const d = resolved.derived.get(tc.id);
  if (!d) {
    ctx.emit(inconclusiveEvent(tc, `the case does not apply to the accepted base request (${resolved.accepted.caseId})`));
    return;
  }
  let support: string | undefined;
  if (d.support) {
    const verdict = await bases.support(tc.operationId, d.support);
    if (!verdict) {
      ctx.notRun++;
      return;
    }
    if (!verdict.accepted) {
      ctx.emit(inconclusiveEvent(tc, `the valid request it changes in one place was not accepted: ${verdict.reason ?? verdict.caseId}`));
      return;
    }
    support = verdict.caseId;
  }
  await sendCase(ctx, onBase(tc, d, resolved.accepted.caseId, support));
}
