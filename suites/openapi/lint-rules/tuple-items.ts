// `items: [ ... ]` is the draft-04..2019 tuple form; JSON Schema 2020-12 (OpenAPI 3.1) requires a schema.
import type { LintRule } from './types.js';

export const tupleItems: LintRule = {
  id: 'tuple-items',
  severity: 'error',
  description: '`items` given as an array, invalid in JSON Schema 2020-12 (use `prefixItems` or one schema)',
  check(ctx) {
    return ctx.schemas
      .filter(([, s]) => Array.isArray(s.items))
      .map(([pointer, s]) => ({
        pointer,
        message: `\`items\` is an array of ${(s.items as unknown[]).length} schema(s): read literally it constrains only the first ${(s.items as unknown[]).length} element(s); 2020-12 wants \`items: {schema}\` or \`prefixItems\``,
      }));
  },
};
