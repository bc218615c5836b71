// Boolean `exclusiveMinimum`/`exclusiveMaximum` is OpenAPI 3.0 (draft-04); in 3.1 they are numbers.
import type { LintRule, RuleFinding } from './types.js';

export const exclusiveBoundBoolean: LintRule = {
  id: 'exclusive-bound-boolean',
  severity: 'error',
  description: 'Boolean `exclusiveMinimum`/`exclusiveMaximum` in an OpenAPI 3.1 document (must be a number)',
  check(ctx) {
    if (!ctx.is31) return [];
    const out: RuleFinding[] = [];
    for (const [pointer, s] of ctx.schemas) {
      for (const k of ['exclusiveMinimum', 'exclusiveMaximum']) {
        if (typeof s[k] === 'boolean')
          out.push({ pointer, message: `\`${k}: ${String(s[k])}\` is the OpenAPI 3.0 form; JSON Schema 2020-12 wants the bound itself as a number` });
      }
    }
    return out;
  },
};
