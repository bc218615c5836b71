import { describe, expect, it } from 'vitest';
import { generationHints, NONEXISTENT_MODEL, NONEXISTENT_UUID, type HintInputs } from './generation-hints.js';
import { pinnedSpec } from './test-support/exchanges.js';
import type { MistralTargetInfo } from './target-info.js';

const spec = await pinnedSpec();
const op = (method: string, path: string) => spec.operations.find((o) => o.method === method && o.path === path)!;

const bare: MistralTargetInfo = { models: [], maxTokens: 16, k: 1, chatModel: 'mistral-small-latest' };
const full: MistralTargetInfo = {
  ...bare,
  models: [
    { id: 'a', aliases: [], capabilities: {} },
    { id: 'b', aliases: [], capabilities: {} },
    { id: 'c', aliases: [], capabilities: {} },
    { id: 'd', aliases: [], capabilities: {} },
  ],
  fimModel: 'codestral-latest',
  embedModel: 'mistral-embed',
  moderationModel: 'mistral-moderation-latest',
  agentId: 'ag-1',
};
const hints = (info: MistralTargetInfo, method: string, path: string, extra: Partial<HintInputs> = {}) =>
  generationHints(op(method, path), { info, existing: {}, allowCostly: false, ...extra });

describe('generation hints', () => {
  it('caps what costs tokens, from maxTokens', () => {
    expect(hints({ ...bare, maxTokens: 2 }, 'post', '/v1/chat/completions').caps).toEqual({
      'body.max_tokens': 2,
      'body.n': 2,
      'body.min_tokens': 2,
      'query.page_size': 20,
    });
  });

  it('fixes the model of each kind first, or marks the request as one that can only be refused', () => {
    const withModel = hints(full, 'post', '/v1/embeddings');
    expect(Object.keys(withModel.fixed)).toEqual(['body.model', 'body.encoding_format']);
    expect(withModel.fixed['body.model']).toEqual(['mistral-embed']);
    expect(withModel.unknownResource).toBeUndefined();
    expect(hints(bare, 'post', '/v1/embeddings')).toMatchObject({ fixed: { 'body.encoding_format': ['float'] }, unknownResource: true });
    expect(Object.keys(hints(full, 'post', '/v1/chat/moderations').fixed)).toEqual(['body.model', 'body.input']);
    for (const path of ['/v1/fim/completions', '/v1/moderations', '/v1/chat/moderations']) {
      expect(hints(bare, 'post', path).unknownResource, path).toBe(true);
      expect(hints(full, 'post', path).unknownResource, path).toBeUndefined();
    }
  });

  it('skips agents completions without an agent', () => {
    expect(hints(bare, 'post', '/v1/agents/completions').skip).toMatch(/--agent-id/);
    expect(hints(full, 'post', '/v1/agents/completions').fixed['body.agent_id']).toEqual(['ag-1']);
  });

  it('reads existing resources, or expects a 404 for a random id', () => {
    expect(hints(bare, 'get', '/v1/files/{file_id}', { existing: { fileId: 'f1' } }).fixed).toEqual({ 'path.file_id': ['f1'] });
    expect(hints(bare, 'get', '/v1/batch/jobs/{job_id}', { existing: { batchId: 'b1' } }).fixed).toEqual({ 'path.job_id': ['b1'] });
    expect(hints(bare, 'get', '/v1/fine_tuning/jobs/{job_id}').unknownResource).toBe(true);
    expect(hints(full, 'get', '/v1/models/{model_id}').fixed).toEqual({ 'path.model_id': ['a', 'b', 'c'] });
  });

  it('sends fine-tuning jobs as dry runs unless costly calls are allowed', () => {
    expect(hints(bare, 'post', '/v1/fine_tuning/jobs').fixed).toEqual({ 'query.dry_run': [true] });
    expect(hints(bare, 'post', '/v1/fine_tuning/jobs', { allowCostly: true }).fixed).toEqual({});
  });

  it('gives mutations of existing resources only ids that cannot exist', () => {
    expect(hints(bare, 'delete', '/v1/models/{model_id}')).toMatchObject({ fixed: { 'path.model_id': [NONEXISTENT_MODEL] }, unknownResource: true });
    expect(hints(bare, 'post', '/v1/batch/jobs/{job_id}/cancel')).toMatchObject({ fixed: { 'path.job_id': [NONEXISTENT_UUID] }, unknownResource: true });
  });
});
