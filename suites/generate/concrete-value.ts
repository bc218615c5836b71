// A value of a given length or size for boundary and negative cases: strings of repeated letters,
// arrays of sampled items.
import { isObject } from '../openapi/is-object.js';
import type { BoundaryValue } from './boundary-values.js';
import type { GenerationContext } from './context.js';
import type { Schema } from './resolve-schema.js';
import { sampleValues } from './sample-value.js';

export function boundaryConcrete(ctx: GenerationContext, s: Schema, b: BoundaryValue, seed: number): unknown {
  if (b.kind === 'number') return b.value;
  if (b.kind === 'string-length') return 'a'.repeat(b.value);
  const items = s.items === undefined || isObject(s.items) ? (s.items ?? {}) : {};
  return b.value === 0 ? [] : sampleValues(ctx, items, seed, b.value);
}

/** `body.hyperparameters.learning_rate`, `body.messages[].content`: the key hints use for a place. */
export function hintKey(head: string, keys: Array<string | number>): string {
  return head + keys.map((k) => (typeof k === 'number' ? '[]' : `.${k}`)).join('');
}
