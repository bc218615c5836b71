import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createValidators } from '../openapi/validation.js';
import { buildOperations } from '../openapi/operations.js';
import type { GeneratedRequest } from './request-values.js';
import { requestArbitrary } from './request-arbitrary.js';
import { allTestSpecs, pinnedSpec } from './test-support/test-specs.js';
import { runBattery } from './test-support/battery.js';
import { requestMediaType } from './body-media.js';

const HINTS = { fixed: { 'body.model': ['mistral-small-latest', 'open-mistral-7b'] }, caps: { 'body.max_tokens': 16 } };

describe('requestArbitrary: every positive request is valid against its own schemas', async () => {
  for (const { name, spec } of await allTestSpecs()) {
    it.each(spec.operations.map((op) => [op.id, op] as const))(`${name}: %s`, (_id, op) => {
      const media = requestMediaType(op);
      runBattery(
        requestArbitrary(spec, op, HINTS),
        (g: GeneratedRequest) => {
          if (media?.schemaPointer && g.values.body !== undefined) {
            const r = spec.validators.validate(media.schemaPointer, g.values.body);
            if (!r.valid) return `body: ${JSON.stringify(r.issues.slice(0, 2))}`;
          }
          for (const p of op.parameters) {
            const v = g.values[p.in][p.name];
            if (v === undefined) {
              if (p.required) return `missing required ${p.in} ${p.name}`;
              continue;
            }
            if (p.schemaPointer && !spec.validators.validate(p.schemaPointer, v).valid) return `${p.in}.${p.name} = ${JSON.stringify(v)}`;
          }
          if (g.request.path.includes('{')) return `unfilled path ${g.request.path}`;
          return true;
        },
        { numRuns: 25, minDistinct: 1 },
      );
    });
  }
});

describe('requestArbitrary on the Mistral operations', async () => {
  const spec = await pinnedSpec();
  const op = (id: string) => spec.operations.find((o) => o.id === id)!;

  it('honours fixed models and the max_tokens cap (always present, never null, never above)', () => {
    const values = fc.sample(requestArbitrary(spec, op('chat_completion_v1_chat_completions_post'), HINTS), { seed: 7, numRuns: 80 });
    for (const g of values) {
      const body = g.values.body as Record<string, unknown>;
      expect(HINTS.fixed['body.model']).toContain(body.model);
      expect(typeof body.max_tokens).toBe('number');
      expect(body.max_tokens as number).toBeLessThanOrEqual(16);
      expect(g.request.body?.kind).toBe('json');
      expect(g.request.auth).toEqual({ kind: 'default' });
    }
  });

  it('makes streaming and non-streaming requests, flagged only when the body asks for a stream', () => {
    const values = fc.sample(requestArbitrary(spec, op('chat_completion_v1_chat_completions_post'), HINTS), { seed: 8, numRuns: 60 });
    const streams = values.filter((g) => g.request.stream === true).length;
    expect(streams).toBeGreaterThan(15);
    expect(streams).toBeLessThan(45);
    for (const g of values) expect(g.request.stream === true).toBe((g.values.body as { stream?: boolean }).stream === true);
  });

  it('drops fixed values the schema rejects (JobIn.model is an enum)', () => {
    const values = fc.sample(
      requestArbitrary(spec, op('jobs_api_routes_fine_tuning_create_fine_tuning_job'), {
        fixed: { 'body.model': ['not-a-tuneable-model', 'open-mistral-7b'] },
      }),
      { seed: 1, numRuns: 30 },
    );
    expect(new Set(values.map((g) => (g.values.body as { model: string }).model))).toEqual(new Set(['open-mistral-7b']));
  });

  it('fills path parameters from hints and encodes them', () => {
    const values = fc.sample(requestArbitrary(spec, op('retrieve_model_v1_models__model_id__get'), { fixed: { 'path.model_id': ['ft:open-mistral-7b:x'] } }), {
      seed: 1,
      numRuns: 5,
    });
    for (const g of values) expect(g.request.path).toBe('/v1/models/ft%3Aopen-mistral-7b%3Ax');
  });

  it('sends uploads as multipart with a file part', () => {
    for (const g of fc.sample(requestArbitrary(spec, op('files_api_routes_upload_file')), { seed: 2, numRuns: 20 })) {
      expect(g.request.body?.kind).toBe('multipart');
      const parts = g.request.body!.kind === 'multipart' ? g.request.body!.parts : [];
      const file = parts.find((p) => p.name === 'file')!;
      expect(file.value).toBeInstanceOf(Uint8Array);
      expect(file.filename).toBeTruthy();
      for (const p of parts.filter((x) => x.name === 'purpose')) expect(['fine-tune', 'batch']).toContain(p.value);
    }
  });

  it('writes array query parameters as repeated keys', () => {
    const values = fc.sample(requestArbitrary(spec, op('files_api_routes_list_files')), { seed: 3, numRuns: 40 });
    const withArray = values.find((g) => Array.isArray(g.values.query.source) && (g.values.query.source as unknown[]).length > 1)!;
    expect(withArray.request.query.filter(([k]) => k === 'source').map(([, v]) => v)).toEqual(withArray.values.query.source);
  });
});

describe('requestArbitrary on a small document', () => {
  const doc = {
    openapi: '3.1.0',
    paths: {
      '/a': {
        post: {
          operationId: 'a',
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  properties: { doc: { type: 'string', format: 'binary' }, meta: { type: 'object', properties: { k: { type: 'string' } }, required: ['k'] } },
                  required: ['doc', 'meta'],
                },
                encoding: { doc: { contentType: 'text/csv' } },
              },
              'application/json': { schema: { type: 'object', properties: { stream: { type: 'boolean' } }, required: ['stream'] } },
            },
          },
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: {} } } } },
        },
      },
    },
  };
  const spec = { document: doc, validators: createValidators(doc) };
  const [op] = buildOperations(doc);

  it('prefers JSON when several media types exist, and never streams without a documented event stream', () => {
    for (const g of fc.sample(requestArbitrary(spec, op!), { seed: 1, numRuns: 20 })) {
      expect(g.request.body).toEqual({ kind: 'json', value: { stream: false } });
      expect(g.request.stream).toBeUndefined();
    }
  });

  it('honours multipart encoding content types when only multipart exists', () => {
    const only = { ...op!, requestBody: { required: true, content: op!.requestBody!.content.filter((m) => m.mediaType.startsWith('multipart')) } };
    const g = fc.sample(requestArbitrary(spec, only), { seed: 1, numRuns: 1 })[0]!;
    const parts = g.request.body!.kind === 'multipart' ? g.request.body!.parts : [];
    expect(parts.find((p) => p.name === 'doc')?.contentType).toBe('text/csv');
    expect(parts.find((p) => p.name === 'meta')?.contentType).toBe('application/json');
  });
});
