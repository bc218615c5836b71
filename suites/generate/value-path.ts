// Setting, replacing or deleting a value deep inside a request value, creating (valid, sampled)
// containers on the way when the base value lacks them, and naming the place for reports.
import { isObject } from '../openapi/is-object.js';
import type { PathStep } from './constraint-sites.js';
import type { GenerationContext } from './context.js';
import { sampleValue } from './sample-value.js';

export const DELETE = Symbol('delete');
export type Leaf = (current: unknown, fresh: () => unknown) => unknown;

function withDiscriminator(v: unknown, step: PathStep): unknown {
  const d = step.branch?.discriminator;
  return d && isObject(v) ? { ...v, [d.property]: d.value } : v;
}

function suits(value: unknown, key: string | number): boolean {
  return typeof key === 'number' ? Array.isArray(value) : isObject(value);
}

/**
 * Returns a copy of `root` with `leaf` applied at the end of `steps`. `rootSchema` makes a root when
 * there is none; `seed` makes the sampled containers deterministic.
 */
export function placeAt(ctx: GenerationContext, root: unknown, rootSchema: unknown, steps: PathStep[], leaf: Leaf, seed = 7): unknown {
  const descend = (current: unknown, schema: unknown, i: number): unknown => {
    if (i === steps.length) return leaf(current, () => sampleValue(ctx, schema, seed + i));
    const step = steps[i]!;
    let container = current;
    if (!suits(container, step.key)) container = sampleValue(ctx, schema, seed + i);
    if (!suits(container, step.key)) return container; // the schema cannot hold this key; validation will tell
    const copy = (Array.isArray(container) ? [...(container as unknown[])] : { ...(container as Record<string, unknown>) }) as Record<string | number, unknown>;
    if (typeof step.key === 'number') {
      const arr = copy as unknown as unknown[];
      while (arr.length <= step.key) arr.push(sampleValue(ctx, step.schema, seed + 100 + arr.length));
    }
    let child = copy[step.key];
    if (step.branch) child = withDiscriminator(sampleValue(ctx, step.schema, seed + 200 + i), step);
    const next = descend(child, step.schema, i + 1);
    if (next === DELETE) {
      if (Array.isArray(copy)) copy.splice(step.key as number, 1);
      else delete copy[step.key];
    } else copy[step.key] = next;
    return copy;
  };
  return descend(root, rootSchema, 0);
}

/** `messages[0].role`-style suffix for a list of keys. */
export function formatKeys(keys: Array<string | number>): string {
  return keys.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
}
