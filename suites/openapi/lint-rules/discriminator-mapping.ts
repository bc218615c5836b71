// A discriminator mapping that cannot work: the target does not resolve, or the target's property
// cannot take the mapped value (its `const`/`enum` says otherwise).
import { joinPointer } from '../json-pointer.js';
import { isObject } from '../is-object.js';
import { discriminators, mappingRef } from './discriminator-candidates.js';
import { derefSchema, resolveLocalRef, visitCombined } from './support.js';
import type { LintRule, Obj, RuleFinding } from './types.js';

function allowedValues(doc: Obj, schema: Obj, property: string): unknown[] | undefined {
  let allowed: unknown[] | undefined;
  visitCombined(doc, schema, (s) => {
    if (allowed || !isObject(s.properties)) return;
    const prop = derefSchema(doc, s.properties[property], '')?.schema;
    if (!prop) return;
    if ('const' in prop) allowed = [prop.const];
    else if (Array.isArray(prop.enum)) allowed = prop.enum;
  });
  return allowed;
}

export const discriminatorMapping: LintRule = {
  id: 'discriminator-mapping-invalid',
  severity: 'error',
  description: 'A discriminator mapping entry that does not resolve or contradicts the target schema',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const d of discriminators(ctx.schemas)) {
      for (const [value, target] of Object.entries(d.mapping)) {
        const pointer = joinPointer(d.pointer, 'discriminator', 'mapping', value);
        const r = resolveLocalRef(ctx.doc, mappingRef(target));
        if (!r || !isObject(r.value)) {
          out.push({ pointer, message: `mapping "${value}" → ${target} does not resolve to a schema` });
          continue;
        }
        const allowed = allowedValues(ctx.doc, r.value, d.propertyName);
        if (allowed && !allowed.includes(value)) {
          out.push({ pointer, message: `mapping "${value}" → ${target}, but there "${d.propertyName}" only allows ${JSON.stringify(allowed)}` });
        }
      }
    }
    return out;
  },
};
