// The requests cause isolation tries first, smallest first: the target's answer to them decides which
// request every negative and boundary case changes in exactly one place (the base). The smallest
// valid request holds the required values only (the suite's known-good values where it has them, e.g.
// a model the target serves) plus the optional values the suite's `base` hint keeps; the richer one is
// the first non-streamed request of the positive phase, for a target that refuses the smallest.
import * as fc from 'fast-check';
import type { Operation } from '../openapi/model.js';
import { requestMediaType } from './body-media.js';
import { createContext, deriveContext, type GenerationContext, type SpecLike } from './context.js';
import { encodeRequest } from './encode-request.js';
import { baseOverrides } from './hint-overrides.js';
import { requestArbitrary, requestValuesArbitrary } from './request-arbitrary.js';
import type { GenerationHints } from './request-types.js';
import type { GeneratedRequest } from './request-values.js';
import { resolveSchema } from './resolve-schema.js';

export interface BaseCandidate extends GeneratedRequest {
  /** `the smallest valid request`, `a richer valid request`. */
  description: string;
}

const contexts = new WeakMap<SpecLike, Map<string, GenerationContext>>();

/** The generation context of the smallest request: required properties only, the base hint's values kept. */
export function minimalContext(spec: SpecLike, op: Operation, hints?: GenerationHints): GenerationContext {
  let perSpec = contexts.get(spec);
  if (!perSpec) contexts.set(spec, (perSpec = new Map()));
  const key = JSON.stringify([op.pointer, hints?.fixed ?? {}, hints?.caps ?? {}, hints?.base ?? {}]);
  let ctx = perSpec.get(key);
  if (!ctx) perSpec.set(key, (ctx = deriveContext(createContext(spec, { requiredOnly: true }), {}, baseOverrides(hints))));
  return ctx;
}

/** A body is sent when the operation requires one, or its schema requires properties (servers expect them). */
function needsBody(spec: SpecLike, op: Operation): boolean {
  if (op.requestBody?.required) return true;
  const media = requestMediaType(op);
  if (!media?.schema) return false;
  const s = resolveSchema(spec.document, media.schema);
  return Array.isArray(s.required) && s.required.length > 0;
}

export function minimalRequest(spec: SpecLike, op: Operation, hints: GenerationHints | undefined, seed: number): GeneratedRequest {
  const ctx = minimalContext(spec, op, hints);
  const values = fc.sample(requestValuesArbitrary(ctx, op), { seed, numRuns: 1 })[0]!;
  if (!needsBody(spec, op)) {
    delete values.body;
    delete values.mediaType;
  }
  return { values, request: encodeRequest(ctx.document, op, values) };
}

/**
 * The base candidates of an operation, in the order they are tried: the smallest valid request, then
 * (when it differs) the first non-streamed request the positive phase draws with `positiveSeed`.
 */
export function baseCandidates(
  spec: SpecLike,
  op: Operation,
  hints: GenerationHints | undefined,
  seeds: { base: number; positive: number; runs: number },
): BaseCandidate[] {
  const out: BaseCandidate[] = [{ ...minimalRequest(spec, op, hints, seeds.base), description: 'the smallest valid request' }];
  const richer = fc.sample(requestArbitrary(spec, op, hints), { seed: seeds.positive, numRuns: Math.max(1, seeds.runs) }).find((g) => !g.request.stream);
  if (richer && JSON.stringify(richer.request) !== JSON.stringify(out[0]!.request)) out.push({ ...richer, description: 'a richer valid request' });
  return out;
}
