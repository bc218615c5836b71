// Requests that break exactly one constraint of an otherwise valid request. Values are a valid
// request and a mutation picked at random; a mutation whose result the validator still accepts
// yields null (dropped by the planner), so every non-null value is verified invalid.
import * as fc from 'fast-check';
import type { GenerationHints } from '../request-types.js';
import type { Operation } from '../../openapi/model.js';
import type { SpecLike } from '../context.js';
import { operationContext, requestValuesArbitrary, type RequestArbitraryOptions } from '../request-arbitrary.js';
import type { NegativeRequest } from '../request-values.js';
import { applyMutation, mutationBreaks, requestMutations, type RequestMutation } from './request-mutations.js';

const screened = new WeakMap<object, RequestMutation[]>();

export function negativeArbitrary(
  spec: SpecLike,
  op: Operation,
  hints?: GenerationHints,
  opts: RequestArbitraryOptions = {},
): fc.Arbitrary<NegativeRequest | null> {
  const ctx = operationContext(spec, op, hints, opts);
  const base = requestValuesArbitrary(ctx, op);
  let mutations = screened.get(ctx);
  if (!mutations) {
    // Keep mutations that break at least one of a few sample requests: the others never can.
    const probes = fc.sample(base, { seed: 1, numRuns: 3 });
    mutations = requestMutations(ctx, op).filter((m) => probes.some((p) => mutationBreaks(ctx, m, p)));
    screened.set(ctx, mutations);
  }
  const list = mutations;
  if (list.length === 0) return fc.constant(null);
  return fc.tuple(base, fc.nat({ max: list.length - 1 })).map(([values, i]) => applyMutation(ctx, op, list[i]!, values) ?? null);
}
