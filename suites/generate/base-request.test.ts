import { describe, expect, it } from 'vitest';
import { baseCandidates, minimalRequest } from './base-request.js';
import { allTestSpecs, pinnedSpec } from './test-support/test-specs.js';

const CHAT_HINTS = {
  fixed: {
    'body.model': ['mistral-small-latest'],
    'body.messages': [[{ role: 'user', content: 'Say hello.' }]],
    'body.tools': [null, [{ type: 'function', function: { name: 'f', parameters: {} } }]],
    'body.stream': [false, true],
  },
  caps: { 'body.max_tokens': 16, 'body.n': 2 },
  base: { 'body.max_tokens': 16 },
};

describe('the smallest valid request', async () => {
  const spec = await pinnedSpec();
  const chat = spec.operations.find((o) => o.id === 'chat_completion_v1_chat_completions_post')!;

  it('holds the required fields with the hints values, and the optional values the base hint keeps: no n, stream or tools', () => {
    const { request } = minimalRequest(spec, chat, CHAT_HINTS, 1);
    expect(request.body).toEqual({
      kind: 'json',
      value: { model: 'mistral-small-latest', messages: [{ role: 'user', content: 'Say hello.' }], max_tokens: 16 },
    });
    expect(request.stream).toBeUndefined();
  });

  it('is the same for the same seed, and valid for every operation of every test spec', async () => {
    expect(minimalRequest(spec, chat, CHAT_HINTS, 3)).toEqual(minimalRequest(spec, chat, CHAT_HINTS, 3));
    for (const { name, spec: s } of await allTestSpecs()) {
      for (const op of s.operations) {
        const { values } = minimalRequest(s, op, undefined, 5);
        const media = op.requestBody?.content.find((m) => m.mediaType === values.mediaType);
        if (values.body !== undefined && media?.schemaPointer)
          expect(s.validators.validate(media.schemaPointer, values.body).valid, `${name} ${op.id}`).toBe(true);
        for (const p of op.parameters)
          if (p.required && p.in !== 'header') expect(values[p.in as 'path' | 'query'][p.name], `${name} ${op.id} ${p.name}`).toBeDefined();
      }
    }
  });

  it('keeps the optional parameters a suite fixes (a dry run stays a dry run)', () => {
    const create = spec.operations.find((o) => o.id === 'jobs_api_routes_fine_tuning_create_fine_tuning_job')!;
    const { request } = minimalRequest(spec, create, { fixed: { 'query.dry_run': [true] } }, 1);
    expect(request.query).toEqual([['dry_run', 'true']]);
  });

  it('is tried before a richer, non-streamed request', () => {
    const candidates = baseCandidates(spec, chat, CHAT_HINTS, { base: 1, positive: 2, runs: 8 });
    expect(candidates.map((c) => c.description)).toEqual(['the smallest valid request', 'a richer valid request']);
    expect(candidates[1]!.request.stream).toBeFalsy();
    expect(Object.keys(candidates[1]!.values.body as object).length).toBeGreaterThan(3);
  });
});
