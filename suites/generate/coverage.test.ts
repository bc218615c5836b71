import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOperations } from '../openapi/operations.js';
import { createValidators } from '../openapi/validation.js';
import { coverageRequests } from './coverage.js';
import { operationContext, requestValuesArbitrary } from './request-arbitrary.js';
import { allTestSpecs, pinnedSpec } from './test-support/test-specs.js';
import { requestMediaType } from './body-media.js';

const HINTS = { fixed: { 'body.model': ['mistral-small-latest'] }, caps: { 'body.max_tokens': 16 } };

describe('coverage phase', async () => {
  const spec = await pinnedSpec();
  const chat = spec.operations.find((o) => o.id === 'chat_completion_v1_chat_completions_post')!;
  const ctx = operationContext(spec, chat, HINTS);
  const base = fc.sample(requestValuesArbitrary(ctx, chat), { seed: 1, numRuns: 1 })[0]!;
  const cases = coverageRequests(ctx, chat, base);
  const values = (prop: string, expectation: string) =>
    cases.filter((c) => c.expectation === expectation && c.description.startsWith(`${prop} =`)).map((c) => (c.values.body as Record<string, unknown>)[prop]);

  it('sends values at and just inside each bound as accepted cases', () => {
    expect(values('temperature', 'accept')).toEqual(expect.arrayContaining([0, 0.01, 1.49, 1.5]));
    expect(values('top_p', 'accept')).toEqual(expect.arrayContaining([0, 1]));
    expect(values('presence_penalty', 'accept')).toEqual(expect.arrayContaining([-2, 2]));
    expect(values('frequency_penalty', 'accept')).toEqual(expect.arrayContaining([-2, 2]));
    expect(values('n', 'accept')).toEqual(expect.arrayContaining([1]));
    expect(values('max_tokens', 'accept')).toEqual(expect.arrayContaining([0, 1]));
  });

  it('sends values just outside as rejected cases with their violation', () => {
    expect(values('temperature', 'reject')).toEqual(expect.arrayContaining([-0.01, 1.51]));
    expect(values('n', 'reject')).toEqual([0]);
    const t = cases.find((c) => c.violation?.detail === 'temperature = 1.51 (maximum 1.5)')!;
    expect(t.violation).toMatchObject({ constraint: 'maximum', location: 'body.temperature', expectedLoc: ['body', 'temperature'] });
  });

  it('keeps every accepted case valid, every rejected one invalid, and the cap honoured', () => {
    const ptr = requestMediaType(chat)!.schemaPointer!;
    for (const c of cases) {
      expect(spec.validators.validate(ptr, c.values.body).valid).toBe(c.expectation === 'accept');
      if (c.expectation === 'accept') expect((c.values.body as { max_tokens: number }).max_tokens).toBeLessThanOrEqual(16);
    }
  });

  it('every operation of every test spec: the validator agrees with each expectation', async () => {
    for (const { spec: s } of await allTestSpecs()) {
      for (const op of s.operations) {
        const c = operationContext(s, op, HINTS);
        const b = fc.sample(requestValuesArbitrary(c, op), { seed: 2, numRuns: 1 })[0]!;
        const ptr = requestMediaType(op)?.schemaPointer;
        for (const cov of coverageRequests(c, op, b)) {
          if (cov.violation?.location.startsWith('query.')) {
            const p = op.parameters.find((x) => x.in === 'query' && x.name === cov.violation!.expectedLoc![1])!;
            expect(s.validators.validate(p.schemaPointer!, cov.values.query[p.name]).valid).toBe(false);
          } else if (ptr && cov.values.body !== undefined)
            expect(s.validators.validate(ptr, cov.values.body).valid, cov.description).toBe(cov.expectation === 'accept');
        }
      }
    }
  });
});

describe('coverage: caps override schema maxima for accepted values; nested and length bounds', () => {
  const doc = {
    openapi: '3.1.0',
    paths: {
      '/x': {
        post: {
          operationId: 'x',
          parameters: [{ name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50 } }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    max_tokens: { type: 'integer', minimum: 1, maximum: 100 },
                    tags: { type: 'array', items: { type: 'string', maxLength: 3 }, maxItems: 2 },
                    cfg: {
                      anyOf: [{ type: 'object', properties: { key: { type: 'string', minLength: 4, maxLength: 4 } }, required: ['key'] }, { type: 'null' }],
                    },
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
  const ctx = operationContext(spec, op, { fixed: {}, caps: { 'body.max_tokens': 16 } });
  const cases = coverageRequests(ctx, op, { path: {}, query: {}, header: {}, cookie: {}, body: {}, mediaType: 'application/json' });

  it('drops accepted values above the cap but still rejects the schema maximum + 1', () => {
    const mt = cases.filter((c) => c.description.startsWith('max_tokens'));
    expect(
      mt
        .filter((c) => c.expectation === 'accept')
        .map((c) => (c.values.body as { max_tokens: number }).max_tokens)
        .sort((a, b) => a - b),
    ).toEqual([1, 2]);
    expect(
      mt
        .filter((c) => c.expectation === 'reject')
        .map((c) => (c.values.body as { max_tokens: number }).max_tokens)
        .sort((a, b) => a - b),
    ).toEqual([0, 101]);
  });

  it('reaches nested bounds through unions and arrays, and query bounds', () => {
    expect(cases.some((c) => c.violation?.location === 'body.cfg.key' && c.violation.constraint === 'maxLength')).toBe(true);
    expect(cases.some((c) => c.violation?.location === 'body.tags[0]' && c.violation.constraint === 'maxLength')).toBe(true);
    expect(cases.some((c) => c.violation?.location === 'body.tags' && c.violation.constraint === 'maxItems')).toBe(true);
    expect(cases.find((c) => c.violation?.location === 'query.page' && c.violation.constraint === 'minimum')?.request.query).toEqual([['page', '0']]);
  });
});
