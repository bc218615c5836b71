// Objects: required properties always, optional ones sometimes, extra keys only where the schema asks
// for them (`additionalProperties: true`/schema, or a free-form object), never with `false`.
// Properties with a hint override are always present.
import * as fc from 'fast-check';
import { isObject } from '../openapi/is-object.js';
import type { GenerationContext } from './context.js';
import { overrideArbitrary } from './override-arbitrary.js';
import { probedFilter } from './probed-filter.js';
import { resolveSchema, schemaTypes, type Schema } from './resolve-schema.js';
import { schemaArbitrary } from './schema-arbitrary.js';

const extraKey = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_'.split('')), minLength: 1, maxLength: 8 });

/**
 * A required list with no `minItems` gets at least one item: valid either way, but servers reject
 * empty required lists (`messages: []`) on semantic grounds, which would only add noise.
 */
function nonEmptyIfList(ctx: GenerationContext, raw: unknown): unknown {
  const s = resolveSchema(ctx.document, raw);
  const types = schemaTypes(s);
  if (types?.length !== 1 || types[0] !== 'array' || typeof s.minItems === 'number' || s.maxItems === 0) return raw;
  let out = nonEmpty.get(s);
  if (!out) nonEmpty.set(s, (out = { ...s, minItems: 1 }));
  return out;
}

const nonEmpty = new WeakMap<Schema, Schema>();

export function objectArbitrary(ctx: GenerationContext, s: Schema, depth: number, at: string | undefined): fc.Arbitrary<Record<string, unknown>> {
  const shallow = depth >= ctx.constraints.maxDepth;
  const properties = isObject(s.properties) ? s.properties : {};
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [name, sub] of Object.entries(properties)) {
    if (sub === false) continue;
    const childAt = at === undefined ? undefined : `${at}.${name}`;
    const override = childAt === undefined ? undefined : ctx.overrides[childAt];
    // The smallest valid request leaves out every optional property but those its hints keep.
    if (ctx.constraints.requiredOnly && !required.has(name) && !override?.include) continue;
    const forced = override ? overrideArbitrary(ctx, sub, override, { depth: depth + 1, at: childAt }) : undefined;
    if (!forced && shallow && !required.has(name)) continue;
    model[name] =
      forced ??
      schemaArbitrary(ctx, required.has(name) && depth + 1 < ctx.constraints.maxDepth ? nonEmptyIfList(ctx, sub) : sub, { depth: depth + 1, at: childAt });
    if (forced || required.has(name)) requiredKeys.push(name);
  }
  // Required names the schema does not describe still need a value.
  for (const name of required) {
    if (!(name in model)) {
      model[name] = schemaArbitrary(ctx, {}, { depth: depth + 1 });
      requiredKeys.push(name);
    }
  }
  const declared = fc.record(model, { requiredKeys });
  const ap = s.additionalProperties;
  const freeForm = ap === undefined && Object.keys(properties).length === 0 && !('patternProperties' in s);
  const wantsExtra = !shallow && !ctx.constraints.requiredOnly && ap !== false && (ap === true || isObject(ap) || freeForm);
  let arb: fc.Arbitrary<Record<string, unknown>> = declared;
  if (wantsExtra) {
    const valueArb = isObject(ap)
      ? schemaArbitrary(ctx, ap, { depth: depth + 1 })
      : fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -100, max: 100 }), fc.boolean());
    const extras = fc.dictionary(
      extraKey.filter((k) => !(k in properties)),
      valueArb,
      { maxKeys: ctx.constraints.maxAdditionalProperties },
    );
    arb = fc.tuple(declared, extras).map(([d, e]) => ({ ...e, ...d }));
  }
  const minP = typeof s.minProperties === 'number' ? s.minProperties : 0;
  const maxP = typeof s.maxProperties === 'number' ? s.maxProperties : Infinity;
  if (minP > 0 || maxP < Infinity)
    arb = probedFilter(arb, (o) => Object.keys(o).length >= minP && Object.keys(o).length <= maxP, `an object with ${minP}..${maxP} properties`);
  return arb;
}
