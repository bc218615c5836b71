// GenerationHints (what a suite knows: model ids, cost caps) → per-location overrides, plus the
// streaming switch: where the success response documents an event stream, a boolean body `stream`
// is always sent and is true about half the time; elsewhere it is false (a stream the operation
// does not document would only produce noise).
import type { GenerationHints } from './request-types.js';
import type { Operation } from '../openapi/model.js';
import { isObject } from '../openapi/is-object.js';
import { documentsEventStream, requestMediaType } from './body-media.js';
import type { GenerationContext, LocationOverride } from './context.js';
import { resolveSchema } from './resolve-schema.js';

export function hintOverrides(hints: GenerationHints | undefined): Record<string, LocationOverride> {
  const out: Record<string, LocationOverride> = {};
  for (const [key, values] of Object.entries(hints?.fixed ?? {})) if (values.length > 0) out[key] = { ...out[key], fixed: values };
  for (const [key, cap] of Object.entries(hints?.caps ?? {})) out[key] = { ...out[key], cap };
  return out;
}

/**
 * The overrides of the smallest valid request: the first of the hints' values (a suite lists its
 * plainest first) where a property is present, and the values the base hint keeps.
 */
export function baseOverrides(hints: GenerationHints | undefined): Record<string, LocationOverride> {
  const out = hintOverrides(hints);
  for (const o of Object.values(out)) if (o.fixed && o.fixed.length > 1) o.fixed = o.fixed.slice(0, 1);
  for (const [key, value] of Object.entries(hints?.base ?? {})) out[key] = { fixed: [value], include: true };
  return out;
}

export function streamOverride(ctx: GenerationContext, op: Operation): LocationOverride | undefined {
  const media = requestMediaType(op);
  if (!media?.schema) return undefined;
  const body = resolveSchema(ctx.document, media.schema);
  if (!isObject(body.properties) || !('stream' in body.properties)) return undefined;
  return { fixed: documentsEventStream(op) ? [false, true] : [false] };
}

export function operationOverrides(ctx: GenerationContext, op: Operation, hints: GenerationHints | undefined): Record<string, LocationOverride> {
  const out = hintOverrides(hints);
  if (!out['body.stream']) {
    const stream = streamOverride(ctx, op);
    if (stream) out['body.stream'] = stream;
  }
  return out;
}
