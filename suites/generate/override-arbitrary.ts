// Hint overrides for one location: fixed values (only those the schema accepts) and numeric caps
// (the schema narrowed to its numeric branches, maximum lowered to the cap: never above, never null).
import * as fc from 'fast-check';
import type { GenerationContext, LocationOverride } from './context.js';
import { resolveSchema, schemaTypes, unionBranches, type Schema } from './resolve-schema.js';
import { schemaArbitrary, type SchemaArbitraryOptions } from './schema-arbitrary.js';
import { isValidAgainst } from '../openapi/validation.js';

/** The schema with its non-numeric branches dropped and `maximum` lowered to `cap`. */
export function capSchema(ctx: GenerationContext, raw: unknown, cap: number): Schema | undefined {
  const s = resolveSchema(ctx.document, raw);
  const union = unionBranches(ctx.document, s);
  if (union) {
    const capped = union.merged.map((b) => capSchema(ctx, b, cap)).filter((b): b is Schema => b !== undefined);
    if (capped.length === 0) return undefined;
    return capped.length === 1 ? capped[0]! : { anyOf: capped };
  }
  const types = schemaTypes(s)?.filter((t) => t === 'integer' || t === 'number');
  if (!types || types.length === 0) return undefined;
  const maximum = typeof s.maximum === 'number' ? Math.min(s.maximum, cap) : cap;
  const out: Schema = { ...s, type: types.length === 1 ? types[0] : types, maximum };
  if (Array.isArray(s.enum)) out.enum = s.enum.filter((v) => typeof v === 'number' && v <= cap);
  return out;
}

/** Fixed values the schema accepts (all of them when no validator is at hand). */
export function acceptedValues(ctx: GenerationContext, raw: unknown, values: unknown[]): unknown[] {
  const v = ctx.validators;
  if (!v) return values;
  return values.filter((value) => isValidAgainst(v, raw, value));
}

/** The arbitrary an override imposes, or undefined when it cannot apply (nothing fits the schema). */
export function overrideArbitrary(
  ctx: GenerationContext,
  raw: unknown,
  override: LocationOverride,
  options: SchemaArbitraryOptions,
): fc.Arbitrary<unknown> | undefined {
  if (override.fixed && override.fixed.length > 0) {
    let values = acceptedValues(ctx, raw, override.fixed);
    if (override.cap !== undefined) values = values.filter((x) => typeof x === 'number' && x <= override.cap!);
    if (values.length > 0) return fc.constantFrom(...values);
  }
  if (override.cap !== undefined) {
    const capped = capSchema(ctx, raw, override.cap);
    if (capped) return schemaArbitrary(ctx, capped, options);
  }
  return undefined;
}
