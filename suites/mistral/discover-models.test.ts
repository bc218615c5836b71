import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../openapi/paths.js';
import { chooseModels, parseModelList } from './discover-models.js';
import { createTargetPlugin } from './target-plugin.js';
import type { Exchange, PrepareContext, RequestSpec } from '../engine/types.js';

const base = { maxTokens: 16, k: 3 };

describe('choosing models from the target', () => {
  it('reads the 2024 OpenAI-like list of the real API (no capabilities) and picks by name', () => {
    const rec = JSON.parse(readFileSync(join(packageRoot(), 'fixtures/recordings/real-responses/models_list__2024-02__helgesverre.json'), 'utf8'));
    const info = chooseModels(parseModelList(rec.body), [], base);
    expect(info.chatModel).toMatch(/mistral|open/);
    expect(info.embedModel).toBe('mistral-embed');
  });
  it('falls back to the first generative model of a vLLM-style list', () => {
    const list = { object: 'list', data: [{ id: 'BAAI/bge-m3-embed' }, { id: 'meta-llama/Llama-3.1-8B-Instruct', object: 'model', owned_by: 'vllm' }] };
    const info = chooseModels(parseModelList(list), [], base);
    expect(info.chatModel).toBe('meta-llama/Llama-3.1-8B-Instruct');
    expect(info.fimModel).toBeUndefined();
  });
  it('prefers explicit --model choices', () => {
    expect(chooseModels([], ['my-model'], base).chatModel).toBe('my-model');
  });
});

describe('the Mistral suite prepares against the target', () => {
  const exchange = (status: number, json: unknown): Exchange => ({
    request: { method: 'GET', url: '/', headers: {} },
    response: { status, headers: {}, contentType: 'application/json', bodyText: JSON.stringify(json), bytes: 1, truncated: false, json },
    timing: { startedAt: 0, totalMs: 1 },
    retries: 0,
  });
  const ctx = (answer: (r: RequestSpec) => Exchange): PrepareContext => ({
    spec: undefined as never,
    options: { apiKeyEnv: 'MISTRAL_API_KEY' } as never,
    log: () => {},
    send: async (r) => answer(r),
  });

  it('stops at once, with a one-line reason, when the key is refused', async () => {
    const suite = createTargetPlugin({ models: [], maxTokens: 16, k: 1, readOnly: false, allowCostly: false });
    await expect(suite.prepare!(ctx(() => exchange(401, { message: 'Unauthorized' })))).rejects.toThrow(/refused the API key .*MISTRAL_API_KEY/);
  });
  it('marks operations without a model of their kind as unknown-resource (a refusal is not a defect)', async () => {
    const suite = createTargetPlugin({ models: [], maxTokens: 16, k: 1, readOnly: false, allowCostly: false });
    await suite.prepare!(ctx((r) => exchange(200, r.path === '/v1/models' ? { data: [{ id: 'llama-3' }] } : { data: [] })));
    const op = (method: string, path: string) => ({ method, path, parameters: [] }) as never;
    expect(suite.hints!(op('post', '/v1/embeddings'))?.unknownResource).toBe(true);
    expect(suite.hints!(op('post', '/v1/chat/completions'))?.fixed['body.model']).toEqual(['llama-3']);
  });
});
