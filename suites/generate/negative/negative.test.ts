import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getAtPointer } from '../../openapi/json-pointer.js';
import { buildOperations } from '../../openapi/operations.js';
import { isObject } from '../../openapi/is-object.js';
import { createValidators } from '../../openapi/validation.js';
import type { Operation } from '../../openapi/model.js';
import type { LoadedSpec } from '../../openapi/load-spec.js';
import { operationContext, requestValuesArbitrary } from '../request-arbitrary.js';
import type { RequestValues } from '../request-values.js';
import { allTestSpecs, pinnedSpec } from '../test-support/test-specs.js';
import { valueTargets, targetValue } from '../value-targets.js';
import { negativeArbitrary } from './negative-arbitrary.js';
import { applyMutation, requestMutations } from './request-mutations.js';

const HINTS = { fixed: { 'body.model': ['mistral-small-latest'] }, caps: { 'body.max_tokens': 16 } };
const pointerOf = (keys: Array<string | number>) => keys.map((k) => `/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** Value at `keys` inside a target value, or a marker when the path does not exist. */
const ABSENT = Symbol('absent');
function getAt(root: unknown, keys: Array<string | number>): unknown {
  let cur: unknown = root;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object' || !(k in (cur as object))) return ABSENT;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}
function restore(root: unknown, keys: Array<string | number>, value: unknown): unknown {
  if (keys.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  const parent = getAt(copy, keys.slice(0, -1)) as Record<string | number, unknown>;
  const last = keys[keys.length - 1]!;
  if (value === ABSENT) delete parent[last];
  else parent[last] = value;
  return copy;
}

function checkNegatives(spec: LoadedSpec, op: Operation): { checked: number; constraints: Set<string> } {
  const ctx = operationContext(spec, op, HINTS);
  const bases = fc.sample(requestValuesArbitrary(ctx, op), { seed: 99, numRuns: 4 });
  const targets = valueTargets(op);
  const constraints = new Set<string>();
  let checked = 0;
  for (const m of requestMutations(ctx, op)) {
    for (const base of bases) {
      const neg = applyMutation(ctx, op, m, base);
      if (!neg) continue;
      checked++;
      constraints.add(m.violation.constraint);
      const loc = m.violation.expectedLoc!;
      const target = targets.find((t) => (t.kind === 'body' ? loc[0] === 'body' : t.kind === loc[0] && t.name === loc[1]));
      if (!target || m.violation.location === 'header.content-type' || m.violation.constraint === 'malformed-json') {
        if (m.violation.constraint === 'malformed-json') expect(() => JSON.parse((neg.request.body as { text: string }).text)).toThrow();
        continue;
      }
      const keys = loc.slice(target.kind === 'body' ? 1 : 2);
      const before = targetValue(base, target);
      const after = targetValue(neg.values, target);
      if (after === undefined) {
        // A required body or parameter removed.
        expect(m.violation.constraint).toBe('required');
        continue;
      }
      // The mutated value is invalid, and the validator points at the recorded place (or a parent
      // that owns it: required/additionalProperties report on the object, unions on themselves).
      const r = spec.validators.validate(target.pointer!, after);
      expect(r.valid, m.violation.detail).toBe(false);
      const place = pointerOf(keys);
      expect(
        r.issues.some((i) => place === i.instancePath || place.startsWith(`${i.instancePath}/`) || i.instancePath === ''),
        `${m.violation.detail}: ${JSON.stringify(r.issues.slice(0, 3))}`,
      ).toBe(true);
      // Exactly one place: putting the base's value back makes it valid again, whenever the base
      // already had the container the mutation changed (else the container was created for it).
      const parentBefore = getAt(before, keys.slice(0, -1));
      const parentAfter = getAt(after, keys.slice(0, -1));
      if (keys.length > 0 && isObject(parentBefore) && isObject(parentAfter)) {
        const repaired = restore(after, keys, getAt(before, keys));
        if (JSON.stringify(getAt(repaired, keys.slice(0, -1))) === JSON.stringify(parentBefore)) {
          expect(spec.validators.validate(target.pointer!, repaired).valid, `repair of ${m.violation.detail}`).toBe(true);
        }
      }
    }
  }
  return { checked, constraints };
}

describe('negative requests break exactly one constraint, verified by the validator', async () => {
  for (const { name, spec } of await allTestSpecs()) {
    it.each(spec.operations.map((op) => [op.id, op] as const))(`${name}: %s`, (_id, op) => {
      const { checked } = checkNegatives(spec, op);
      // A lone free-form string path parameter cannot be made invalid; anything else can.
      if (op.requestBody) expect(checked).toBeGreaterThan(0);
    });
  }
});

describe('negative generation on the Mistral chat completion', async () => {
  const spec = await pinnedSpec();
  const chat = spec.operations.find((o) => o.id === 'chat_completion_v1_chat_completions_post')!;

  it('covers the constraint families', () => {
    const { constraints } = checkNegatives(spec, chat);
    for (const c of ['type', 'minimum', 'maximum', 'enum', 'required', 'additionalProperties', 'discriminator', 'malformed-json', 'content-type'])
      expect(constraints).toContain(c);
  });

  it('records FastAPI-style locations, nested ones with indices', () => {
    const ctx = operationContext(spec, chat, HINTS);
    const byDetail = new Map(requestMutations(ctx, chat).map((m) => [m.violation.location, m.violation]));
    expect(byDetail.get('body.temperature')?.expectedLoc).toEqual(['body', 'temperature']);
    expect(byDetail.get('body.messages[0].role')?.expectedLoc).toEqual(['body', 'messages', 0, 'role']);
    const max = requestMutations(ctx, chat).find((m) => m.violation.constraint === 'maximum' && m.violation.location === 'body.temperature')!;
    expect(max.violation.detail).toBe('temperature = 1.51 (maximum 1.5)');
  });

  it('every value of negativeArbitrary is null or an invalid request', () => {
    const media = chat.requestBody!.content[0]!;
    for (const n of fc.sample(negativeArbitrary(spec, chat, HINTS), { seed: 5, numRuns: 60 })) {
      if (n?.request.body?.kind !== 'json') continue;
      expect(spec.validators.validate(media.schemaPointer!, n.request.body.value).valid).toBe(false);
    }
  });

  it('wrong-type values of query parameters are words a server cannot coerce', () => {
    const list = spec.operations.find((o) => o.id === 'files_api_routes_list_files')!;
    const ctx = operationContext(spec, list, { fixed: {} });
    const page = requestMutations(ctx, list).find((m) => m.violation.location === 'query.page' && m.violation.constraint === 'type')!;
    const base: RequestValues = { path: {}, query: { page: 1 }, header: {}, cookie: {} };
    expect(applyMutation(ctx, list, page, base)!.request.query).toEqual([['page', 'not-a-number']]);
  });
});

describe('a union branch its siblings exclude', () => {
  // The JSON half of a `#stream` pair (Mistral 2026-07 conversations): a base allowing boolean | null,
  // narrowed by an allOf part to `enum: [false]`. The null branch has no value; it offers no site.
  const doc = {
    openapi: '3.1.0',
    paths: {
      '/c': {
        post: {
          operationId: 'c',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  allOf: [
                    {
                      type: 'object',
                      properties: { inputs: { type: 'string' }, stream: { anyOf: [{ type: 'boolean' }, { type: 'null' }] } },
                      required: ['inputs'],
                    },
                    { type: 'object', properties: { stream: { type: 'boolean', enum: [false] } } },
                  ],
                },
              },
            },
          },
          responses: { '200': { description: 'ok' } },
        },
      },
    },
  };
  const spec = { document: doc, validators: createValidators(doc) };
  const op = buildOperations(doc)[0]!;
  const ctx = operationContext(spec, op);

  it('is skipped: mutations build, and each negative request is invalid', () => {
    const base: RequestValues = { path: {}, query: {}, header: {}, cookie: {}, body: { inputs: 'hi', stream: false }, mediaType: 'application/json' };
    const negatives = requestMutations(ctx, op).flatMap((m) => applyMutation(ctx, op, m, base) ?? []);
    expect(negatives.length).toBeGreaterThan(0);
    // Value mutations (not the wire ones: malformed JSON, a wrong content type) leave an invalid body.
    for (const n of negatives.filter((x) => x.violation.location.startsWith('body.')))
      expect(spec.validators.validate(op.requestBody!.content[0]!.schemaPointer!, n.values.body).valid, n.violation.detail).toBe(false);
    expect(negatives.some((n) => n.violation.location === 'body.stream')).toBe(true);
  });
});

describe('mutations that stay valid are dropped', () => {
  const doc = {
    openapi: '3.1.0',
    paths: {
      '/x': {
        post: {
          operationId: 'x',
          requestBody: {
            required: false,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    a: { anyOf: [{ type: 'string', enum: ['one'] }, { type: 'string' }] },
                    b: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
                  },
                },
              },
            },
          },
          responses: { '200': { description: 'ok' } },
        },
      },
    },
  };
  const spec = { document: doc, validators: createValidators(doc) };
  const op = buildOperations(doc)[0]!;
  const ctx = operationContext(spec, op);

  it('an enum branch beside a free string branch yields no enum case; wrong types avoid allowed types', () => {
    const base: RequestValues = { path: {}, query: {}, header: {}, cookie: {}, body: { a: 'one', b: 'x' }, mediaType: 'application/json' };
    const results = requestMutations(ctx, op).map((m) => [m.violation, applyMutation(ctx, op, m, base)] as const);
    const enumOnA = results.filter(([v]) => v.constraint === 'enum' && v.location === 'body.a');
    expect(enumOnA.length).toBeGreaterThan(0);
    expect(enumOnA.every(([, r]) => r === undefined)).toBe(true);
    const typeOnB = results.find(([v]) => v.constraint === 'type' && v.location === 'body.b')!;
    expect(typeof getAtPointer(typeOnB[1]!.values.body as object, '/b')).not.toBe('string');
    expect(Array.isArray(getAtPointer(typeOnB[1]!.values.body as object, '/b'))).toBe(false);
    // No body required: no "missing body" case.
    expect(results.some(([v]) => v.location === 'body' && v.constraint === 'required')).toBe(false);
  });
});

describe('the wrong content-type mutation', () => {
  const opWith = (content: Record<string, unknown>): Operation => {
    const doc = {
      openapi: '3.1.0',
      paths: { '/x': { post: { operationId: 'x', requestBody: { required: true, content }, responses: { '200': { description: 'ok' } } } } },
    };
    return buildOperations(doc)[0]!;
  };
  const base: RequestValues = { path: {}, query: {}, header: {}, cookie: {}, body: { a: 1 }, mediaType: 'application/json' };
  const applies = (op: Operation): boolean => {
    const doc = { openapi: '3.1.0' };
    const ctx = operationContext({ document: doc }, op);
    const m = requestMutations(ctx, op).find((x) => x.violation.constraint === 'content-type')!;
    return m.apply(base) !== undefined;
  };
  const json = { schema: { type: 'object' } };

  it('applies when only JSON is documented', () => {
    expect(applies(opWith({ 'application/json': json }))).toBe(true);
  });

  it.each(['text/plain', 'Text/Plain; charset=utf-8', 'text/*', '*/*'])('does not apply when %s is documented too', (mediaType) => {
    expect(applies(opWith({ 'application/json': json, [mediaType]: { schema: { type: 'string' } } }))).toBe(false);
  });
});
