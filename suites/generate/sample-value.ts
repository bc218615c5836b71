// One deterministic value of a schema: containers that a coverage or negative case needs to create.
import * as fc from 'fast-check';
import type { GenerationContext } from './context.js';
import { schemaArbitrary } from './schema-arbitrary.js';

export function sampleValue(ctx: GenerationContext, schema: unknown, seed: number): unknown {
  return fc.sample(schemaArbitrary(ctx, schema), { seed, numRuns: 1 })[0];
}

export function sampleValues(ctx: GenerationContext, schema: unknown, seed: number, count: number): unknown[] {
  return fc.sample(schemaArbitrary(ctx, schema), { seed, numRuns: count });
}
