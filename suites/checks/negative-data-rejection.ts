import { findResponse } from '../openapi/model.js';
import { defineCheck, expectationOf, is4xx } from './define-check.js';

/** A request that breaks the contract is refused with a 4xx (422 where documented), never served. */
export const negativeDataRejection = defineCheck({
  scope: 'exchange',
  id: 'negative-data-rejection',
  title: 'Invalid request accepted',
  severity: 'high',
  category: 'negative',
  description: 'A request that violates the request schema gets a 4xx (422 where the spec documents it), never 2xx or 5xx.',
  applies: (ctx) => ctx.exchange.response !== undefined && expectationOf(ctx) === 'reject',
  run(ctx) {
    const status = ctx.exchange.response!.status;
    const what = ctx.testCase.violation ? `sent ${ctx.testCase.violation.detail}` : (ctx.testCase.description ?? 'sent an invalid request');
    if (!is4xx(status)) return { message: `${what}, got ${status}\nExpected: 4xx` };
    // 401/403/429 say nothing about validation: the request never reached it.
    if (status === 401 || status === 403 || status === 429) return { skip: `answered ${status} before validation` };
    if (findResponse(ctx.operation, 422) && status !== 422) {
      const verdict = ctx.policy.undocumented(ctx.operation, status, 'invalid-input');
      if (verdict.verdict === 'pass') return undefined;
      return { message: `${what}, got ${status}\nDocumented: 422. ${verdict.reason}`, warning: verdict.verdict === 'warn' };
    }
    return undefined;
  },
});
