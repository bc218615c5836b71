// OpenAPI's discriminator picks the schema by a property's value; when that property is optional a
// body without it matches several branches of the `oneOf` (and Ajv refuses such a discriminator).
import { isObject } from '../is-object.js';
import { candidates, discriminators } from './discriminator-candidates.js';
import { resolveLocalRef } from './support.js';
import type { LintRule, Obj, RuleFinding } from './types.js';

function requiredNames(doc: Obj, schema: Obj): Set<string> {
  const names = new Set<string>();
  // Only `allOf` parts (and refs) apply unconditionally; a name required in one anyOf branch is not.
  const visit = (s: unknown, seen: Set<unknown>): void => {
    if (!isObject(s) || seen.has(s)) return;
    seen.add(s);
    if (Array.isArray(s.required)) for (const n of s.required) if (typeof n === 'string') names.add(n);
    if (typeof s.$ref === 'string') visit(resolveLocalRef(doc, s.$ref)?.value, seen);
    if (Array.isArray(s.allOf)) for (const part of s.allOf) visit(part, seen);
  };
  visit(schema, new Set());
  return names;
}

// A warning, not an error: servers and clients send the property anyway (the real API always sends
// `type` and `role`), and the generator always sets it; but a body without it is ambiguous.
export const discriminatorNotRequired: LintRule = {
  id: 'discriminator-not-required',
  severity: 'warning',
  description: 'A `discriminator.propertyName` is not required by a schema the discriminator selects',
  check(ctx) {
    const out: RuleFinding[] = [];
    const seen = new Set<string>();
    for (const d of discriminators(ctx.schemas)) {
      const requiredByBase = requiredNames(ctx.doc, d.schema).has(d.propertyName);
      if (requiredByBase) continue;
      for (const c of candidates(ctx.doc, d)) {
        const key = `${c.pointer}|${d.propertyName}`;
        if (seen.has(key) || requiredNames(ctx.doc, c.schema).has(d.propertyName)) continue;
        seen.add(key);
        out.push({
          pointer: c.pointer,
          message: `discriminator property "${d.propertyName}" (discriminator at ${d.pointer}) is not in \`required\`; a body without it matches more than one branch`,
        });
      }
    }
    return out;
  },
};
