import { describe, expect, it } from 'vitest';
import { loadSpec } from './load-spec.js';
import { pinnedErrataPath, pinnedSpecPath } from '../mistral/contracts.js';

describe('loadSpec on the pinned Mistral document', () => {
  it('builds all 26 operations with their responses', async () => {
    const spec = await loadSpec(pinnedSpecPath());
    expect(spec.operations).toHaveLength(26);
    expect(spec.info).toMatchObject({ title: 'Mistral AI API', version: '0.0.2', openapi: '3.1.0' });
    const chat = spec.operations.find((o) => o.id === 'chat_completion_v1_chat_completions_post')!;
    expect(chat.method).toBe('post');
    expect(chat.responses.map((r) => r.status)).toEqual(['200', '422']);
    expect(chat.responses[0]!.content.map((m) => m.mediaType)).toEqual(['application/json', 'text/event-stream']);
    expect(chat.security).toEqual([{ ApiKey: [] }]);
    const upload = spec.operations.find((o) => o.id === 'files_api_routes_upload_file')!;
    expect(upload.requestBody?.content[0]?.mediaType).toBe('multipart/form-data');
  });

  it('literal document: chat response requires data; errata remove it', async () => {
    const literal = await loadSpec(pinnedSpecPath());
    const fixed = await loadSpec(pinnedSpecPath(), { overlays: [pinnedErrataPath()] });
    const body = {
      id: 'x',
      object: 'chat.completion',
      model: 'm',
      created: 1,
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      choices: [],
    };
    const ptr = '/paths/~1v1~1chat~1completions/post/responses/200/content/application~1json/schema';
    expect(literal.validators.validate(ptr, body).valid).toBe(false);
    expect(fixed.validators.validate(ptr, body).valid).toBe(true);
    expect(fixed.errata.every((e) => e.matched > 0)).toBe(true);
    expect(fixed.errata.map((e) => e.id)).toContain('chat-response-requires-data');
  });

  it('does not fill defaults: UsageInfo {} fails', async () => {
    const spec = await loadSpec(pinnedSpecPath());
    const r = spec.validators.validate('/components/schemas/UsageInfo', {});
    expect(r.valid).toBe(false);
    expect(r.issues.map((i) => i.keyword)).toEqual(['required', 'required', 'required']);
  });
});
