// An operation that requires credentials but documents no 401 (nor 4XX/default): every real server
// answers 401 to a missing key, and the suite needs a documented shape to judge it.
import type { LintRule, RuleFinding } from './types.js';

export const securityWithout401: LintRule = {
  id: 'security-without-401',
  severity: 'warning',
  description: 'A secured operation documents no 401, 4XX or default response',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const op of ctx.operations) {
      const secured = op.security.some((req) => Object.keys(req).length > 0);
      if (!secured) continue;
      if (op.responses.some((r) => r.status === '401' || r.status.toUpperCase() === '4XX' || r.status === 'default')) continue;
      out.push({
        pointer: `${op.pointer}/responses`,
        message: `${op.id} requires credentials but documents no 401 response (documented: ${op.responses.map((r) => r.status).join(', ') || 'none'})`,
      });
    }
    return out;
  },
};
