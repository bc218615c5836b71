// Examples phase: requests built from the document's own examples. A media-type example is used as
// is; otherwise the body is assembled from property-level `examples`/`example`, with required
// properties that have none generated. Hint values replace example values (an example's `model`
// becomes a model the target serves). Each result says whether the document's schema accepts it.
import * as fc from 'fast-check';
import type { GenerationHints } from './request-types.js';
import type { Operation } from '../openapi/model.js';
import { isObject } from '../openapi/is-object.js';
import { requestMediaType } from './body-media.js';
import type { GenerationContext, SpecLike } from './context.js';
import { encodeRequest } from './encode-request.js';
import { operationContext, requestValuesArbitrary, type RequestArbitraryOptions } from './request-arbitrary.js';
import type { GeneratedRequest, RequestValues } from './request-values.js';
import { resolveSchema } from './resolve-schema.js';

export interface ExampleRequest extends GeneratedRequest {
  /** `media-type example 1`, `property examples`. */
  source: string;
  valid: boolean;
  issues: string[];
}

function firstExample(ctx: GenerationContext, raw: unknown): { value: unknown } | undefined {
  const s = isObject(raw) ? raw : {};
  for (const node of [s, resolveSchema(ctx.document, raw)]) {
    if (Array.isArray(node.examples) && node.examples.length > 0) return { value: node.examples[0] };
    if ('example' in node) return { value: node.example };
  }
  return undefined;
}

/** Top-level body properties that hints decide: the generated base value wins over the example. */
function applyHints(ctx: GenerationContext, body: unknown, base: unknown): unknown {
  if (!isObject(body) || !isObject(base)) return body;
  const out = { ...body };
  for (const key of Object.keys(ctx.overrides)) {
    const m = /^body\.([^.[\]]+)$/.exec(key);
    if (m && m[1]! in base) out[m[1]!] = base[m[1]!];
  }
  return out;
}

function assembledBody(ctx: GenerationContext, schema: unknown, base: unknown): { body: unknown; used: boolean } {
  const s = resolveSchema(ctx.document, schema);
  const properties = isObject(s.properties) ? s.properties : {};
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const baseObj = isObject(base) ? base : {};
  const body: Record<string, unknown> = {};
  let used = false;
  for (const [name, sub] of Object.entries(properties)) {
    const ex = firstExample(ctx, sub);
    if (ex) {
      body[name] = ex.value;
      used = true;
    } else if (required.has(name) && name in baseObj) body[name] = baseObj[name];
  }
  return { body, used };
}

function check(ctx: GenerationContext, op: Operation, values: RequestValues): string[] {
  const v = ctx.validators;
  if (!v) return [];
  const issues: string[] = [];
  const media = requestMediaType(op);
  if (media?.schemaPointer && values.body !== undefined) {
    for (const i of v.validate(media.schemaPointer, values.body).issues) issues.push(`body${i.instancePath.replace(/\//g, '.')} ${i.message}`);
  }
  for (const p of op.parameters) {
    const value = values[p.in][p.name];
    if (p.schemaPointer && value !== undefined)
      for (const i of v.validate(p.schemaPointer, value).issues) issues.push(`${p.in}.${p.name}${i.instancePath.replace(/\//g, '.')} ${i.message}`);
  }
  return issues;
}

export function exampleRequests(
  spec: SpecLike,
  op: Operation,
  hints: GenerationHints | undefined,
  seed: number,
  opts: RequestArbitraryOptions = {},
): ExampleRequest[] {
  const ctx = operationContext(spec, op, hints, opts);
  const base = fc.sample(requestValuesArbitrary(ctx, op), { seed, numRuns: 1 })[0]!;
  let paramExamples = false;
  const values: RequestValues = { ...base, path: { ...base.path }, query: { ...base.query }, header: { ...base.header }, cookie: { ...base.cookie } };
  for (const p of op.parameters) {
    if (p.examples.length === 0 || ctx.overrides[`${p.in}.${p.name}`]) continue;
    values[p.in][p.name] = p.examples[0];
    paramExamples = true;
  }
  const bodies: Array<{ body: unknown; source: string }> = [];
  const media = requestMediaType(op);
  if (media && media.examples.length > 0)
    media.examples.forEach((ex, i) => bodies.push({ body: applyHints(ctx, ex, base.body), source: `media-type example ${i + 1}` }));
  else if (media?.schema !== undefined) {
    const assembled = assembledBody(ctx, media.schema, base.body);
    if (assembled.used) bodies.push({ body: applyHints(ctx, assembled.body, base.body), source: 'property examples' });
  }
  if (bodies.length === 0 && !paramExamples) return [];
  const variants =
    bodies.length > 0 ? bodies.map((b) => ({ values: { ...values, body: b.body }, source: b.source })) : [{ values, source: 'parameter examples' }];
  return variants.map(({ values: v, source }) => {
    const issues = check(ctx, op, v);
    return { values: v, request: encodeRequest(ctx.document, op, v), source, valid: issues.length === 0, issues };
  });
}
