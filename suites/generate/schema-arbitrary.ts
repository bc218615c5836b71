// Schema → fast-check arbitrary: the dispatcher. Resolves the schema, then hands each keyword family
// to the arbitrary that owns it (const/enum here, unions, strings, numbers, arrays, objects).
import * as fc from 'fast-check';
import { arrayArbitrary } from './array-arbitrary.js';
import type { GenerationContext } from './context.js';
import { numberArbitrary, UnsatisfiableSchemaError } from './number-arbitrary.js';
import { objectArbitrary } from './object-arbitrary.js';
import { resolveSchema, schemaTypes, type JsonType, type Schema } from './resolve-schema.js';
import { stringArbitrary } from './string-arbitrary.js';
import { unionArbitrary } from './union-arbitrary.js';

export interface SchemaArbitraryOptions {
  /** Nesting depth of this schema (objects and arrays add one). */
  depth?: number;
  /** Hint location of the value (`body`, `body.max_tokens`): overrides apply to properties below it. */
  at?: string;
}

const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

function typedArbitrary(ctx: GenerationContext, s: Schema, type: JsonType, depth: number, at: string | undefined): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number':
      return numberArbitrary({
        integer: type === 'integer',
        minimum: num(s.minimum),
        maximum: num(s.maximum),
        exclusiveMinimum: num(s.exclusiveMinimum),
        exclusiveMaximum: num(s.exclusiveMaximum),
        multipleOf: num(s.multipleOf),
        format: typeof s.format === 'string' ? s.format : undefined,
      });
    case 'string':
      return stringArbitrary({
        minLength: num(s.minLength),
        maxLength: num(s.maxLength),
        pattern: typeof s.pattern === 'string' ? s.pattern : undefined,
        format: typeof s.format === 'string' ? s.format : undefined,
        defaultMaxLength: ctx.constraints.maxStringLength,
        safe: ctx.constraints.safeStrings,
      });
    case 'array':
      return arrayArbitrary(ctx, s, depth, at);
    case 'object':
      return objectArbitrary(ctx, s, depth, at);
  }
}

/** Any small JSON scalar: what `{}` allows, kept cheap. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -100, max: 100 }), fc.boolean(), fc.constant(null));

function jsonType(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v as JsonType;
}

function typeAllows(types: JsonType[] | undefined, v: unknown): boolean {
  if (!types) return true;
  const t = jsonType(v);
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

function build(ctx: GenerationContext, s: Schema, depth: number, at: string | undefined): fc.Arbitrary<unknown> {
  const types = schemaTypes(s);
  // allOf parts (or a union branch and its siblings) whose types exclude each other: `null` ∧ `boolean`.
  if (types?.length === 0) throw new UnsatisfiableSchemaError('no type satisfies every part of the schema');
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) {
    const allowed = s.enum.filter((v) => typeAllows(types, v));
    if (allowed.length === 0) throw new UnsatisfiableSchemaError(`enum ${JSON.stringify(s.enum)} has no value of type ${String(types)}`);
    return fc.constantFrom(...allowed);
  }
  if (Array.isArray(s.anyOf) || Array.isArray(s.oneOf)) return unionArbitrary(ctx, s, depth, at);
  if (!types) return anyValue;
  const arbs = types.map((t) => typedArbitrary(ctx, s, t, depth, at));
  return arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
}

export function schemaArbitrary(ctx: GenerationContext, schema: unknown, options: SchemaArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const depth = options.depth ?? 0;
  // Past the depth limit only required parts are made; a cycle of required parts cannot end.
  if (depth > ctx.constraints.maxDepth + 16) throw new UnsatisfiableSchemaError('schema recursion through required properties or minItems never ends');
  const s = resolveSchema(ctx.document, schema);
  const key = `${depth}|${options.at ?? ''}`;
  let perSchema = ctx.cache.get(s);
  const hit = perSchema?.get(key);
  if (hit) return hit;
  const arb = build(ctx, s, depth, options.at);
  if (!perSchema) ctx.cache.set(s, (perSchema = new Map()));
  perSchema.set(key, arb);
  return arb;
}
