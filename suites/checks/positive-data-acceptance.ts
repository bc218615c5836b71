import { defineCheck, expectationOf, is4xx } from './define-check.js';

/** A request the contract allows is served, not refused (a server rejecting `stop` as an array fails). */
export const positiveDataAcceptance = defineCheck({
  scope: 'exchange',
  id: 'positive-data-acceptance',
  title: 'Valid request rejected',
  severity: 'high',
  category: 'negative',
  description: 'A request valid against the request schema is not rejected with a 4xx.',
  applies: (ctx) => ctx.exchange.response !== undefined && expectationOf(ctx) === 'accept',
  run(ctx) {
    const res = ctx.exchange.response!;
    if (!is4xx(res.status)) return undefined;
    if (res.status === 429) return { skip: 'rate limited after all retries' };
    const sent = ctx.exchange.request.bodyText ? `\nSent: ${ctx.exchange.request.bodyText.slice(0, 400)}` : '';
    const hint = res.status === 401 || res.status === 403 ? ' (the credentials were refused: check the API key)' : '';
    return { message: `Received: ${res.status} for a valid request${hint}: ${res.bodyText.slice(0, 300)}${sent}\nExpected: 2xx` };
  },
});
