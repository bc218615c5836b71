// An example that fails its own schema: either the example or the schema is wrong, and generators
// that replay examples (the examples phase) would send or expect an invalid body.
import { objectExamples, schemaExamples } from './example-values.js';
import type { LintRule, RuleFinding } from './types.js';
import { describeFailure, validateAt } from './validate-at.js';

export const exampleInvalid: LintRule = {
  id: 'example-invalid',
  severity: 'error',
  description: 'An example (schema, property, media type or parameter) fails its own schema',
  check(ctx) {
    const { values, malformed } = schemaExamples(ctx.schemas);
    const out: RuleFinding[] = malformed.map((m) => ({ pointer: m.pointer, message: m.message }));
    for (const ex of [...values, ...objectExamples(ctx.doc)]) {
      const result = validateAt(ctx, ex.schemaPointer, ex.value);
      if (result && !result.valid) out.push({ pointer: ex.pointer, message: `example ${describeFailure(result)}` });
    }
    return out;
  },
};
