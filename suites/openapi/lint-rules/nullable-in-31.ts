// `nullable` is an OpenAPI 3.0 keyword; a 3.1 document's schemas are plain JSON Schema where it means nothing.
import type { LintRule } from './types.js';

export const nullableIn31: LintRule = {
  id: 'nullable-in-31',
  severity: 'warning',
  description: 'OpenAPI 3.0 `nullable` inside an OpenAPI 3.1 document (ignored by JSON Schema 2020-12)',
  check(ctx) {
    if (!ctx.is31) return [];
    return ctx.schemas
      .filter(([, s]) => 'nullable' in s)
      .map(([pointer, s]) => ({
        pointer,
        message: `\`nullable: ${JSON.stringify(s.nullable)}\` is not JSON Schema 2020-12; use \`type: [..., "null"]\` or \`anyOf\` with \`{type: "null"}\` (the loader reads it as "or null")`,
      }));
  },
};
