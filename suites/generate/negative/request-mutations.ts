// Every way to break one constraint of an operation's request: value mutations at each schema site
// of the body and of each parameter, missing required parameters and bodies, malformed JSON and a
// wrong content type. Applying one to a valid request yields a NegativeRequest, or nothing when the
// validator says the result is still valid (then there would be nothing for a server to reject).
import type { RequestSpec, Violation } from '../request-types.js';
import { findMediaType, type Operation } from '../../openapi/model.js';
import { isJsonMediaType } from '../body-media.js';
import { schemaSites } from '../constraint-sites.js';
import type { GenerationContext } from '../context.js';
import { encodeRequest } from '../encode-request.js';
import type { NegativeRequest, RequestValues } from '../request-values.js';
import { stripNull } from '../strip-null.js';
import { DELETE, containersAdded, formatKeys, placeAt } from '../value-path.js';
import { targetPlace, targetValid, targetValue, valueTargets, withTargetValue, type ValueTarget } from '../value-targets.js';
import { siteMutations } from './value-mutations.js';

export interface RequestMutation {
  violation: Violation;
  /** Breaks the request; undefined when it cannot apply to this base. */
  apply(values: RequestValues): { values: RequestValues; request?: RequestSpec; changed?: ValueTarget } | undefined;
  /** The base with the containers the broken value needs (valid), when it lacks them (see NegativeRequest.support). */
  support?(values: RequestValues): RequestValues | undefined;
}

function valueMutations(ctx: GenerationContext, t: ValueTarget): RequestMutation[] {
  const rootSchema = t.kind === 'body' ? t.schema : stripNull(ctx, t.schema);
  const prefix = t.kind === 'body' ? '' : t.name!;
  const name = (keys: Array<string | number>) => (prefix + formatKeys(keys)).replace(/^\./, '') || 'body';
  const head = t.kind === 'body' ? 'body' : `${t.kind}.${t.name}`;
  return schemaSites(ctx.document, t.schema).flatMap((site) =>
    siteMutations(ctx, site, t.textual, name).map((m): RequestMutation => {
      const { location, expectedLoc } = targetPlace(t, m.keys);
      return {
        violation: { constraint: m.constraint, location, detail: m.detail, expectedLoc },
        apply: (values) => {
          const root = placeAt(ctx, targetValue(values, t), rootSchema, m.steps, m.leaf, 7, head);
          if (t.kind === 'path' && (root === '' || root === null || typeof root === 'object')) return undefined;
          return { values: withTargetValue(values, t, root), changed: t };
        },
        support: (values) => {
          const added = containersAdded(ctx, targetValue(values, t), rootSchema, m.steps, 7, head);
          return added === undefined ? undefined : withTargetValue(values, t, added);
        },
      };
    }),
  );
}

function missingMutations(op: Operation, t: ValueTarget): RequestMutation[] {
  if (t.kind === 'body') {
    if (!op.requestBody?.required) return [];
    return [
      {
        violation: { constraint: 'required', location: 'body', detail: 'request body missing (required)', expectedLoc: ['body'] },
        apply: (v) => ({ values: withTargetValue(v, t, DELETE) }),
      },
    ];
  }
  if (!t.parameter?.required || t.kind === 'path') return [];
  const { location, expectedLoc } = targetPlace(t, []);
  return [
    {
      violation: { constraint: 'required', location, detail: `${t.kind} parameter ${t.name} missing (required)`, expectedLoc },
      apply: (v) => ({ values: withTargetValue(v, t, DELETE) }),
    },
  ];
}

function wireMutations(ctx: GenerationContext, op: Operation): RequestMutation[] {
  const media = op.requestBody?.content.find((m) => isJsonMediaType(m.mediaType));
  if (!media) return [];
  const encoded = (values: RequestValues) => encodeRequest(ctx.document, op, values);
  return [
    {
      violation: { constraint: 'malformed-json', location: 'body', detail: 'body is not valid JSON (truncated)', expectedLoc: ['body'] },
      apply: (values) => {
        if (values.body === undefined) return undefined;
        const text = JSON.stringify(values.body);
        return {
          values,
          request: {
            ...encoded(values),
            body: { kind: 'raw', text: text.slice(0, Math.max(1, text.length - 1)) + (text.length <= 1 ? '{' : ''), contentType: media.mediaType },
          },
        };
      },
    },
    {
      violation: {
        constraint: 'content-type',
        location: 'header.content-type',
        detail: `content-type text/plain (documented: ${op.requestBody!.content.map((m) => m.mediaType).join(', ')})`,
        expectedLoc: ['body'],
      },
      apply: (values) => {
        // `text/plain` documented, directly or through `text/*` or `*/*`: the server may accept it.
        if (values.body === undefined || findMediaType(op.requestBody!.content, 'text/plain')) return undefined;
        const r = encoded(values);
        delete r.stream;
        return { values, request: { ...r, body: { kind: 'raw', text: JSON.stringify(values.body), contentType: 'text/plain' } } };
      },
    },
  ];
}

export function requestMutations(ctx: GenerationContext, op: Operation): RequestMutation[] {
  const targets = valueTargets(op);
  return [...targets.flatMap((t) => [...missingMutations(op, t), ...valueMutations(ctx, t)]), ...wireMutations(ctx, op)];
}

/** The mutated values when the mutation applies to `base` and really breaks it (not yet encoded). */
function breaking(ctx: GenerationContext, m: RequestMutation, base: RequestValues): ReturnType<RequestMutation['apply']> {
  const result = m.apply(base);
  if (!result) return undefined;
  if (result.changed && targetValid(ctx, result.changed, targetValue(result.values, result.changed)) !== false) return undefined;
  return result;
}

/** Applies a mutation and keeps the result only if it is really invalid. */
export function applyMutation(ctx: GenerationContext, op: Operation, m: RequestMutation, base: RequestValues): NegativeRequest | undefined {
  const result = breaking(ctx, m, base);
  if (!result) return undefined;
  const out: NegativeRequest = { values: result.values, request: result.request ?? encodeRequest(ctx.document, op, result.values), violation: m.violation };
  const support = m.support?.(base);
  // A support the schema refuses cannot be asked of the target: the case then stands on the base alone.
  if (support && (!result.changed || targetValid(ctx, result.changed, targetValue(support, result.changed)) !== false)) out.support = support;
  return out;
}

/** Whether `applyMutation` would yield a request, without encoding it (screening mutations). */
export function mutationBreaks(ctx: GenerationContext, m: RequestMutation, base: RequestValues): boolean {
  return breaking(ctx, m, base) !== undefined;
}
