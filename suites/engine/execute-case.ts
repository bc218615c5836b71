// Runs the steps of one case in order. A step given as a function is built from the exchanges so far
// (stateful chains use ids the server returned); a step that returns undefined ends the chain.
import type { CaseStep, Exchange, RequestSpec, TestCase } from './types.js';

export type Send = (request: RequestSpec, step: CaseStep, index: number) => Promise<Exchange>;

export interface ExecutedCase {
  exchanges: Exchange[];
  /** Requests actually sent (a chain may stop early). */
  requests: RequestSpec[];
  /** The chain stopped before its last step, and why. */
  stoppedEarly?: string;
}

export async function executeCase(testCase: TestCase, send: Send, shouldStop: () => boolean = () => false): Promise<ExecutedCase> {
  const exchanges: Exchange[] = [];
  const requests: RequestSpec[] = [];
  for (let i = 0; i < testCase.steps.length; i++) {
    if (shouldStop()) return { exchanges, requests, stoppedEarly: 'stopped' };
    const step = testCase.steps[i]!;
    const request = typeof step.request === 'function' ? step.request(exchanges) : step.request;
    if (!request) return { exchanges, requests, stoppedEarly: `step ${i} (${step.label}) could not be built from the previous responses` };
    requests.push(request);
    const exchange = await send(request, step, i);
    exchanges.push(exchange);
    // A transport failure ends a chain: later steps depend on this one's answer.
    if (exchange.error && exchange.error.kind !== 'too-large') {
      if (i < testCase.steps.length - 1) return { exchanges, requests, stoppedEarly: `step ${i} (${step.label}) failed: ${exchange.error.message}` };
    }
  }
  return { exchanges, requests };
}
