// Arrays: `items`, `prefixItems` (tuples), minItems/maxItems, uniqueItems. Short by default.
import * as fc from 'fast-check';
import type { GenerationContext } from './context.js';
import type { Schema } from './resolve-schema.js';
import { schemaArbitrary } from './schema-arbitrary.js';

export function arrayArbitrary(ctx: GenerationContext, s: Schema, depth: number, at: string | undefined): fc.Arbitrary<unknown[]> {
  const shallow = depth >= ctx.constraints.maxDepth;
  const minItems = typeof s.minItems === 'number' ? s.minItems : 0;
  const maxCap = typeof s.maxItems === 'number' ? s.maxItems : Infinity;
  const maxItems = shallow ? minItems : Math.min(maxCap, Math.max(minItems, ctx.constraints.maxArrayLength));
  const childAt = at === undefined ? undefined : `${at}[]`;
  const prefix = Array.isArray(s.prefixItems) ? s.prefixItems.map((p) => schemaArbitrary(ctx, p, { depth: depth + 1, at: childAt })) : [];
  const unique = s.uniqueItems === true;
  const tailMin = Math.max(0, minItems - prefix.length);
  const tailMax = Math.max(tailMin, maxItems - prefix.length);
  // Built only when items can be made: a recursive item schema must not be entered at the depth limit.
  const rest = s.items === false || tailMax === 0 ? undefined : schemaArbitrary(ctx, s.items ?? {}, { depth: depth + 1, at: childAt });
  const tail =
    !rest || tailMax === 0
      ? fc.constant([] as unknown[])
      : unique
        ? fc.uniqueArray(rest, { minLength: tailMin, maxLength: tailMax, selector: (v) => JSON.stringify(v) })
        : fc.array(rest, { minLength: tailMin, maxLength: tailMax });
  if (prefix.length === 0) return tail;
  // A tuple may stop early (fewer items than prefixItems) only down to minItems.
  const head = fc.tuple(...prefix);
  const keepMin = Math.min(prefix.length, minItems);
  return fc
    .tuple(head, fc.integer({ min: keepMin, max: Math.min(prefix.length, maxItems) }), tail)
    .map(([h, keep, t]) => (keep < prefix.length ? h.slice(0, keep) : [...h, ...t]));
}
