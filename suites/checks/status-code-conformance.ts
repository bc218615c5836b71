import { findResponse } from '../openapi/model.js';
import { defineCheck, is5xx, situationOf } from './define-check.js';

/**
 * A status the operation documents passes. An undocumented one is judged by the status policy,
 * which knows whether the request could have succeeded (unknown id, bad credentials, rate limit).
 * 5xx are left to `not-a-server-error`.
 */
export const statusCodeConformance = defineCheck({
  scope: 'exchange',
  id: 'status-code-conformance',
  title: 'Undocumented HTTP status code',
  severity: 'medium',
  category: 'protocol',
  description: 'The status is documented for the operation, or allowed by the status policy for the situation.',
  applies: ({ exchange }) => exchange.response !== undefined && !is5xx(exchange.response.status),
  run(ctx) {
    const status = ctx.exchange.response!.status;
    const documented = findResponse(ctx.operation, status);
    if (documented) return undefined;
    const situation = situationOf(ctx);
    const verdict = ctx.policy.undocumented(ctx.operation, status, situation);
    if (verdict.verdict === 'pass') return undefined;
    const codes = ctx.operation.responses.map((r) => r.status).join(', ');
    return {
      message: `Received: ${status}\nDocumented: ${codes}\nSituation: ${situation}. ${verdict.reason}`,
      warning: verdict.verdict === 'warn',
    };
  },
});
