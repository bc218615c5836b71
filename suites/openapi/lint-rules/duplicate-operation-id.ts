// operationIds name report rows and config keys; two operations with one id are indistinguishable.
import type { LintRule, RuleFinding } from './types.js';

export const duplicateOperationId: LintRule = {
  id: 'duplicate-operation-id',
  severity: 'error',
  description: 'Two operations share an operationId',
  check(ctx) {
    const out: RuleFinding[] = [];
    const first = new Map<string, string>();
    for (const op of ctx.operations) {
      const earlier = first.get(op.id);
      if (earlier === undefined) first.set(op.id, op.pointer);
      else out.push({ pointer: op.pointer, message: `operationId "${op.id}" is also used at ${earlier}` });
    }
    return out;
  },
};
