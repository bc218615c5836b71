import { describe, expect, it } from 'vitest';
import { buildOperations } from '../openapi/operations.js';
import { createValidators } from '../openapi/validation.js';
import { exampleRequests } from './examples.js';
import { pinnedSpec } from './test-support/test-specs.js';

describe('examples phase', async () => {
  const spec = await pinnedSpec();
  const op = (id: string) => spec.operations.find((o) => o.id === id)!;

  it('assembles a chat request from property examples, with the hinted model', () => {
    const [ex] = exampleRequests(spec, op('chat_completion_v1_chat_completions_post'), { fixed: { 'body.model': ['open-mistral-7b'] } }, 1);
    expect(ex!.valid).toBe(true);
    const body = ex!.values.body as Record<string, unknown>;
    expect(body.model).toBe('open-mistral-7b');
    expect(body.messages).toEqual([{ role: 'user', content: 'Who is the best French painter? Answer in one short sentence.' }]);
    expect(ex!.request.body).toEqual({ kind: 'json', value: body });
  });

  it('keeps the example model when no hint is given; FIM gets its prompt example', () => {
    const [chat] = exampleRequests(spec, op('chat_completion_v1_chat_completions_post'), undefined, 1);
    expect((chat!.values.body as { model: string }).model).toBe('mistral-small-latest');
    const [fim] = exampleRequests(spec, op('fim_completion_v1_fim_completions_post'), undefined, 1);
    expect(fim!.values.body).toMatchObject({ prompt: 'def', suffix: 'return a+b', model: 'codestral-2405' });
  });

  it('returns nothing for operations without examples', () => {
    expect(exampleRequests(spec, op('list_models_v1_models_get'), undefined, 1)).toEqual([]);
  });

  it('uses media-type examples as they are and reports those the schema rejects', () => {
    const doc = {
      openapi: '3.1.0',
      paths: {
        '/x': {
          post: {
            operationId: 'x',
            requestBody: {
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] },
                  examples: { good: { value: { n: 1 } }, bad: { value: { n: 'one' } } },
                },
              },
            },
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    };
    const exs = exampleRequests({ document: doc, validators: createValidators(doc) }, buildOperations(doc)[0]!, undefined, 1);
    expect(exs.map((e) => [e.values.body, e.valid])).toEqual([
      [{ n: 1 }, true],
      [{ n: 'one' }, false],
    ]);
    expect(exs[1]!.issues[0]).toContain('body.n');
  });
});
