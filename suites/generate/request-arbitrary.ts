// One operation's requests: path, query, header and cookie parameters and a body, typed values first
// (so schemas can judge them), then encoded into the RequestSpec the transport sends.
import * as fc from 'fast-check';
import type { GenerationHints } from './request-types.js';
import type { Operation, ParameterModel } from '../openapi/model.js';
import { requestMediaType } from './body-media.js';
import { createContext, deriveContext, type GenerationContext, type SchemaArbitraryConstraints, type SpecLike } from './context.js';
import { encodeRequest } from './encode-request.js';
import { operationOverrides } from './hint-overrides.js';
import { overrideArbitrary } from './override-arbitrary.js';
import type { GeneratedRequest, ParameterLocation, RequestValues } from './request-values.js';
import { schemaArbitrary } from './schema-arbitrary.js';
import { stripNull } from './strip-null.js';

export type RequestArbitraryOptions = SchemaArbitraryConstraints;

// OAS: these header parameters are ignored; the transport owns them.
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

export function isGeneratedParameter(p: ParameterModel): boolean {
  return !(p.in === 'header' && IGNORED_HEADERS.has(p.name.toLowerCase()));
}

export function parameterArbitrary(ctx: GenerationContext, p: ParameterModel): fc.Arbitrary<unknown> {
  const schema = p.schema ?? { type: 'string' };
  const override = ctx.overrides[`${p.in}.${p.name}`];
  const arb = (override && overrideArbitrary(ctx, schema, override, {})) ?? schemaArbitrary(ctx, stripNull(ctx, schema));
  // An empty path segment changes the route, not the parameter.
  return p.in === 'path' ? arb.filter((v) => v !== '' && v !== null) : arb;
}

function locationArbitrary(ctx: GenerationContext, op: Operation, where: ParameterLocation): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const p of op.parameters) {
    if (p.in !== where || !isGeneratedParameter(p)) continue;
    const override = ctx.overrides[`${p.in}.${p.name}`];
    // The smallest request keeps the parameters a suite fixes (`dry_run: true` is a safety, not a detail).
    if (ctx.constraints.requiredOnly && !p.required && !override?.fixed && !override?.include) continue;
    model[p.name] = parameterArbitrary(ctx, p);
    if (p.required || override) requiredKeys.push(p.name);
  }
  return fc.record(model, { requiredKeys });
}

const contexts = new WeakMap<SpecLike, Map<string, GenerationContext>>();

/**
 * The generation context for an operation: hints and the streaming switch as overrides. Cached per
 * spec, operation, hints and options, so the phases of one plan share built arbitraries.
 */
export function operationContext(spec: SpecLike, op: Operation, hints?: GenerationHints, opts: RequestArbitraryOptions = {}): GenerationContext {
  let perSpec = contexts.get(spec);
  if (!perSpec) contexts.set(spec, (perSpec = new Map()));
  const key = JSON.stringify([op.pointer, hints?.fixed ?? {}, hints?.caps ?? {}, opts]);
  let ctx = perSpec.get(key);
  if (!ctx) {
    const base = createContext(spec, opts);
    ctx = deriveContext(base, {}, operationOverrides(base, op, hints));
    perSpec.set(key, ctx);
  }
  return ctx;
}

const paramContexts = new WeakMap<GenerationContext, GenerationContext>();

export function requestValuesArbitrary(ctx: GenerationContext, op: Operation): fc.Arbitrary<RequestValues> {
  let params = paramContexts.get(ctx);
  if (!params) paramContexts.set(ctx, (params = deriveContext(ctx, { safeStrings: true })));
  const media = requestMediaType(op);
  const body = media ? schemaArbitrary(ctx, media.schema ?? {}, { at: 'body' }) : fc.constant(undefined);
  return fc
    .record({
      path: locationArbitrary(params, op, 'path'),
      query: locationArbitrary(params, op, 'query'),
      header: locationArbitrary(params, op, 'header'),
      cookie: locationArbitrary(params, op, 'cookie'),
      body,
    })
    .map((v) => {
      const values: RequestValues = { path: v.path, query: v.query, header: v.header, cookie: v.cookie };
      if (media && v.body !== undefined) [values.body, values.mediaType] = [v.body, media.mediaType];
      return values;
    });
}

export function requestArbitrary(spec: SpecLike, op: Operation, hints?: GenerationHints, opts: RequestArbitraryOptions = {}): fc.Arbitrary<GeneratedRequest> {
  const ctx = operationContext(spec, op, hints, opts);
  return requestValuesArbitrary(ctx, op).map((values) => ({ values, request: encodeRequest(ctx.document, op, values) }));
}
