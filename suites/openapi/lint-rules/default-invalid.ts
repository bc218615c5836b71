// A `default` that fails its own schema (e.g. `default: null` on a non-nullable string): a server that
// applies it would answer outside the contract, and generators would draw it.
import { joinPointer } from '../json-pointer.js';
import type { LintRule, RuleFinding } from './types.js';
import { describeFailure, validateAt } from './validate-at.js';

export const defaultInvalid: LintRule = {
  id: 'default-invalid',
  severity: 'warning',
  description: 'A schema `default` that fails the schema it belongs to',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const [pointer, s] of ctx.schemas) {
      if (!('default' in s)) continue;
      const result = validateAt(ctx, pointer, s.default);
      if (result && !result.valid)
        out.push({ pointer: joinPointer(pointer, 'default'), message: `default ${JSON.stringify(s.default)} ${describeFailure(result)}` });
    }
    return out;
  },
};
