import { requiresCredentials } from '../engine/plan-auth.js';
import { defineCheck, authKindOf, is2xx } from './define-check.js';

/** Requests without credentials, or with invalid ones, are refused with 401 (or 403), never served. */
export const ignoredAuth = defineCheck({
  scope: 'exchange',
  id: 'ignored-auth',
  title: 'Authentication not enforced',
  severity: 'critical',
  category: 'auth',
  description: 'Requests without credentials or with invalid ones get 401 (or 403), never data.',
  applies: (ctx) => ctx.exchange.response !== undefined && authKindOf(ctx) !== 'default' && requiresCredentials(ctx.operation),
  run(ctx) {
    const status = ctx.exchange.response!.status;
    const sent = authKindOf(ctx) === 'none' ? 'no credentials' : 'invalid credentials';
    if (status === 401 || status === 403) return undefined;
    if (is2xx(status)) return { message: `Sent ${sent}, got ${status} with data\nExpected: 401 or 403` };
    return { message: `Sent ${sent}, got ${status}\nExpected: 401 or 403`, warning: status >= 400 && status < 500 };
  },
});
