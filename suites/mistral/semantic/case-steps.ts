// Case-scope checks judge each exchange of a case with the operation of its step.
import type { Operation } from '../../openapi/model.js';
import type { CaseContext, Exchange } from '../../engine/types.js';

export interface CaseStepView {
  step: number;
  exchange: Exchange;
  operation: Operation | undefined;
}

export function caseSteps(ctx: CaseContext): CaseStepView[] {
  return ctx.exchanges.map((exchange, step) => ({
    step,
    exchange,
    operation: ctx.operations.get(ctx.testCase.steps[step]?.operationId ?? ctx.testCase.operationId),
  }));
}

/** Why a case cannot be judged when one of its answers is not a 2xx (rate limits, outages), if so. */
export function unsuccessfulStep(steps: CaseStepView[]): string | undefined {
  const bad = steps.find((s) => {
    const status = s.exchange.response?.status;
    return status === undefined || status < 200 || status >= 300;
  });
  if (!bad) return undefined;
  return `step ${bad.step} was answered ${bad.exchange.response?.status ?? bad.exchange.error?.kind ?? 'with nothing'}, so the repetitions cannot be compared`;
}

/**
 * Case-scope checks judge only the cases that name them in `caseChecks` (the probes built for them).
 * The engine runs every case check on cases without `caseChecks`; without this, random cases would
 * collect "needs k repetitions" skips and double verdicts with the exchange-scope twins.
 */
export function namedByCase(id: string): (ctx: CaseContext) => boolean {
  return (ctx) => ctx.testCase.caseChecks?.includes(id) === true;
}
