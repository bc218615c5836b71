// Path template variables and `in: path` parameters must match one to one, or no URL can be built.
import type { LintRule, RuleFinding } from './types.js';

export const pathParameters: LintRule = {
  id: 'path-parameter-mismatch',
  severity: 'error',
  description: 'A `{name}` in the path without a path parameter, or a path parameter not in the path',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const op of ctx.operations) {
      const inTemplate = new Set([...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!));
      const declared = new Set(op.parameters.filter((p) => p.in === 'path').map((p) => p.name));
      for (const name of inTemplate)
        if (!declared.has(name)) out.push({ pointer: op.pointer, message: `path ${op.path} has {${name}} but ${op.id} declares no path parameter "${name}"` });
      for (const name of declared)
        if (!inTemplate.has(name)) out.push({ pointer: op.pointer, message: `path parameter "${name}" of ${op.id} does not appear in ${op.path}` });
    }
    return out;
  },
};
