// Setting, replacing or deleting a value deep inside a request value, creating (valid, sampled)
// containers on the way when the base value lacks them, and naming the place for reports.
import { isObject } from '../openapi/is-object.js';
import type { PathStep } from './constraint-sites.js';
import type { GenerationContext } from './context.js';
import * as fc from 'fast-check';
import { hintKey } from './concrete-value.js';
import { overrideArbitrary } from './override-arbitrary.js';
import { sampleValue } from './sample-value.js';
import { schemaArbitrary } from './schema-arbitrary.js';
import { isValidAgainst } from '../openapi/validation.js';

export const DELETE = Symbol('delete');
/**
 * What to put at the end of a path: `current` is the value there (a fresh one of the branch the path
 * enters, when the base held another), `original` the base's own value there, if any.
 */
export type Leaf = (current: unknown, fresh: () => unknown, original: unknown) => unknown;

function withDiscriminator(v: unknown, step: PathStep): unknown {
  const d = step.branch?.discriminator;
  return d && isObject(v) ? { ...v, [d.property]: d.value } : v;
}

/**
 * Whether the value already there belongs to the branch a step enters: its discriminator names the
 * branch (or one the step accepts), or, without a discriminator, it is valid against the branch.
 * Such a value is kept, so a case changes its base in one place only.
 */
function inBranch(ctx: GenerationContext, v: unknown, step: PathStep): boolean {
  const d = step.branch?.discriminator;
  if (d) return isObject(v) && (v[d.property] === d.value || (d.accepts ?? []).includes(v[d.property] as string));
  return v !== undefined && ctx.validators !== undefined && isValidAgainst(ctx.validators, step.schema, v);
}

function suits(value: unknown, key: string | number): boolean {
  return typeof key === 'number' ? Array.isArray(value) : isObject(value);
}

/**
 * One valid value for a place, as generation would make it there: a suite's hint for that place
 * (`head` names the root's: `body`, `query.page`) when one fits, the schema's otherwise.
 */
function sampleAt(
  ctx: GenerationContext,
  schema: unknown,
  seed: number,
  head: string | undefined,
  keys: Array<string | number>,
  holds?: string | number,
): unknown {
  if (head === undefined) return sampleValue(ctx, schema, seed);
  const at = hintKey(head, keys);
  const override = ctx.overrides[at];
  const hinted = override && overrideArbitrary(ctx, schema, override, { at });
  if (hinted) {
    const v = fc.sample(hinted, { seed, numRuns: 1 })[0];
    if (holds === undefined || suits(v, holds)) return v;
  }
  return fc.sample(schemaArbitrary(ctx, schema, { at }), { seed, numRuns: 1 })[0];
}

/**
 * Returns a copy of `root` with `leaf` applied at the end of `steps`. `rootSchema` makes a root when
 * there is none; `seed` makes the sampled containers deterministic; `head` (the root's hint location,
 * `body`) makes them as the suite's hints would.
 */
export function placeAt(ctx: GenerationContext, root: unknown, rootSchema: unknown, steps: PathStep[], leaf: Leaf, seed = 7, head?: string): unknown {
  const keys = steps.map((s) => s.key);
  // Seeded by place, not by depth: cases about different values inside one container share it.
  const at = (n: number, salt: number): number => placeSeed(seed + salt, formatKeys(keys.slice(0, n)));
  const descend = (current: unknown, schema: unknown, i: number, original: unknown): unknown => {
    if (i === steps.length) return leaf(current, () => sampleAt(ctx, schema, at(i, 0), head, keys), original);
    const step = steps[i]!;
    let container = current;
    if (!suits(container, step.key)) container = sampleAt(ctx, schema, at(i, 0), head, keys.slice(0, i), step.key);
    if (!suits(container, step.key)) return container; // the schema cannot hold this key; validation will tell
    const copy = (Array.isArray(container) ? [...(container as unknown[])] : { ...(container as Record<string, unknown>) }) as Record<string | number, unknown>;
    if (typeof step.key === 'number') {
      const arr = copy as unknown as unknown[];
      while (arr.length <= step.key) arr.push(sampleAt(ctx, step.schema, at(i, 100 + arr.length), head, keys.slice(0, i + 1)));
    }
    const before = copy[step.key];
    let child = before;
    if (step.branch && !inBranch(ctx, child, step)) child = withDiscriminator(sampleAt(ctx, step.schema, at(i + 1, 200), head, keys.slice(0, i + 1)), step);
    const next = descend(child, step.schema, i + 1, before);
    if (next === DELETE) {
      if (Array.isArray(copy)) copy.splice(step.key as number, 1);
      else delete copy[step.key];
    } else copy[step.key] = next;
    return copy;
  };
  return descend(root, rootSchema, 0, root);
}

/** A seed for the values made at one place (a 32-bit string hash: the same place, the same values). */
function placeSeed(seed: number, place: string): number {
  let h = seed | 0;
  for (let i = 0; i < place.length; i++) h = (Math.imul(h, 31) + place.charCodeAt(i)) | 0;
  return h;
}

/** The leaf that changes nothing: the base's value there is put back, an absent one stays absent. */
export const KEEP: Leaf = (_current, _fresh, original) => (original === undefined ? DELETE : original);

/**
 * What placing a leaf at `steps` must add to `root` besides the leaf itself: the containers it creates
 * or replaces on the way (a `tools` list for a case about `tools[0].function.name`), with the leaf
 * left as it was. Undefined when there are none: the case then changes `root` in exactly one place.
 */
export function containersAdded(ctx: GenerationContext, root: unknown, rootSchema: unknown, steps: PathStep[], seed = 7, head?: string): unknown | undefined {
  const kept = placeAt(ctx, root, rootSchema, steps, KEEP, seed, head);
  return JSON.stringify(kept) === JSON.stringify(root) ? undefined : kept;
}

/** `messages[0].role`-style suffix for a list of keys. */
export function formatKeys(keys: Array<string | number>): string {
  return keys.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
}
