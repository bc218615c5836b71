// anyOf / oneOf: pick a branch. With a discriminator the discriminating property is always set to the
// branch's mapping key. For oneOf the value must match exactly one branch: values that also match
// another branch are filtered out (branches that never yield an exclusive value are dropped).
import * as fc from 'fast-check';
import { isObject } from '../openapi/is-object.js';
import type { GenerationContext } from './context.js';
import { resolveSchema, schemaTypes, unionBranches, type Schema } from './resolve-schema.js';
import { UnsatisfiableSchemaError } from './number-arbitrary.js';
import { schemaArbitrary } from './schema-arbitrary.js';
import { isValidAgainst } from '../openapi/validation.js';

/** The discriminator value of each branch (OAS: the mapping key, else the referenced schema's name). */
export function discriminatorValues(s: Schema, raw: unknown[]): { property: string; values: Array<string | undefined> } | undefined {
  const d = s.discriminator;
  if (!isObject(d) || typeof d.propertyName !== 'string') return undefined;
  const mapping = isObject(d.mapping) ? (d.mapping as Record<string, string>) : {};
  const values = raw.map((b) => {
    if (!isObject(b) || typeof b.$ref !== 'string') return undefined;
    const ref = b.$ref;
    const key = Object.entries(mapping).find(([, target]) => target === ref)?.[0];
    return key ?? ref.split('/').pop();
  });
  return { property: d.propertyName, values };
}

function isSimple(ctx: GenerationContext, b: Schema): boolean {
  const types = schemaTypes(resolveSchema(ctx.document, b));
  return types?.every((t) => t !== 'object' && t !== 'array') === true;
}

export function unionArbitrary(ctx: GenerationContext, s: Schema, depth: number, at: string | undefined): fc.Arbitrary<unknown> {
  const union = unionBranches(ctx.document, s)!;
  const disc = discriminatorValues(s, union.raw);
  // A branch that cannot hold together with the union's siblings (`anyOf: [boolean, null]` under an allOf
  // part pinning `enum: [false]`) is left out; only when every branch is, the union is unsatisfiable.
  let firstError: unknown;
  let arbs = union.merged.map((branch, i) => {
    let arb: fc.Arbitrary<unknown>;
    try {
      arb = schemaArbitrary(ctx, branch, { depth, at });
    } catch (err) {
      if (!(err instanceof UnsatisfiableSchemaError)) throw err;
      firstError ??= err;
      return undefined;
    }
    const key = disc?.values[i];
    return disc && key !== undefined ? arb.map((v) => (isObject(v) ? { ...v, [disc.property]: key } : v)) : arb;
  });
  if (arbs.every((a) => a === undefined)) throw firstError;
  let indices = arbs.flatMap((a, i) => (a ? [i] : []));
  const validators = ctx.validators;
  if (union.kind === 'oneOf' && validators && arbs.length > 1) {
    const exclusive = (i: number) => (v: unknown) => union.raw.every((other, j) => j === i || !isValidAgainst(validators, other, v));
    // Keep branches that can produce an exclusive value at all (checked on a fixed sample).
    indices = indices.filter((i) => fc.sample(arbs[i]!, { seed: 1, numRuns: 10 }).some(exclusive(i)));
    if (indices.length > 0) arbs = arbs.map((arb, i) => arb?.filter(exclusive(i)));
    else indices = arbs.flatMap((a, i) => (a ? [i] : []));
  }
  // Deep in a recursive structure, prefer branches that end it (null, scalars).
  if (depth >= ctx.constraints.maxDepth) {
    const simple = indices.filter((i) => isSimple(ctx, union.merged[i]!));
    if (simple.length > 0) indices = simple;
  }
  const chosen = indices.map((i) => arbs[i]!);
  return chosen.length === 1 ? chosen[0]! : fc.oneof(...chosen);
}
