// The suites' work after the cases (an SDK driven against the target through its own client): run
// only if all its requests fit in what is left of the request budget, its results reported as cases.
import type { CaseFinished } from '../events.js';
import type { AfterCasesResult, AfterCasesWork, Phase, RequestSpec } from '../types.js';
import type { RunContext } from './run-context.js';

// What the budget must keep back for clean-up is measured against a request that creates nothing.
const READ: RequestSpec = { method: 'GET', path: '', query: [], headers: {}, auth: { kind: 'default' } };

function resultEvent(phase: Phase, r: AfterCasesResult): CaseFinished {
  return {
    type: 'case-finished',
    caseId: r.caseId,
    operationId: r.operationId,
    phase,
    expectation: 'accept',
    description: r.description,
    outcomes: r.outcomes,
    latency: { totalMs: r.durationMs, stream: false },
    requests: 1,
    retries: 0,
  };
}

export async function runAfterCases(ctx: RunContext, works: AfterCasesWork[]): Promise<void> {
  for (const work of works) {
    if (ctx.stop.shouldStop()) return;
    // The work sends through its own client (the budget cannot stop it midway): it runs only if all of its requests fit.
    const calls = work.requests ?? work.operations.length;
    const room = ctx.budget.remaining.requests;
    if (room !== undefined && room < calls + ctx.sender.reserveFor(READ)) {
      ctx.stop.stop('budget:max-requests');
      ctx.emit({ type: 'log', level: 'warn', message: `${work.name} not run: its ${calls} requests do not fit in what is left of --max-requests` });
      return;
    }
    for (let i = 0; i < calls; i++) ctx.budget.beforeRequest();
    ctx.sender.countExternal(calls);
    await work.run({
      options: ctx.input.options,
      record: (r) => ctx.emit(resultEvent(work.phase, r)),
      redact: (text) => ctx.redactor.text(text),
      signal: ctx.abort.streams,
    });
  }
}
