import { describe, expect, it } from 'vitest';
import { sseContentType } from './sse-content-type.js';
import { exchangeContext, exchangeOf, failuresOf, pinnedSpec, sseText, transcriptFromText } from './test-support/sse.js';

const spec = await pinnedSpec();
const CHAT = 'chat_completion_v1_chat_completions_post';
const stream = transcriptFromText(sseText({ id: 'a', model: 'm', choices: [] }, '[DONE]'));

describe('sse-content-type', () => {
  it.each([
    ['text/event-stream', 'text/event-stream'],
    ['with charset', 'text/event-stream; charset=utf-8'],
    ['upper case', 'Text/Event-Stream'],
  ])('passes %s', (_n, contentType) => {
    const ctx = exchangeContext(spec, CHAT, exchangeOf({ requestJson: { stream: true }, contentType, sse: stream }));
    expect(sseContentType.applies?.(ctx)).toBe(true);
    expect(failuresOf(sseContentType.run(ctx)).failures).toEqual([]);
  });

  it('fails a plain JSON answer to stream: true, naming it', () => {
    const ctx = exchangeContext(spec, CHAT, exchangeOf({ requestJson: { stream: true }, json: { id: 'x', choices: [] } }));
    const [f] = failuresOf(sseContentType.run(ctx)).failures;
    expect(f?.message).toMatch(/Received: application\/json \(a plain JSON body.*Expected: text\/event-stream/);
  });

  it('fails a missing content type', () => {
    const ctx = exchangeContext(spec, CHAT, exchangeOf({ requestJson: { stream: true }, contentType: '' }));
    expect(failuresOf(sseContentType.run(ctx)).failures[0]?.message).toMatch(/no Content-Type/);
  });

  it.each([
    ['stream not requested', CHAT, { stream: false }, 200],
    ['error answer', CHAT, { stream: true }, 422],
    ['operation without an event stream', 'embeddings_v1_embeddings_post', { stream: true }, 200],
  ])('does not apply: %s', (_n, op, requestJson, status) => {
    const ctx = exchangeContext(spec, op, exchangeOf({ requestJson, status, json: {} }));
    expect(sseContentType.applies?.(ctx)).toBe(false);
  });

  it('applies when only the step says stream', () => {
    const ex = exchangeOf({ requestJson: {}, contentType: 'application/json', json: {} });
    const tc = {
      id: 'c',
      operationId: CHAT,
      phase: 'semantic' as const,
      expectation: 'accept' as const,
      steps: [
        {
          label: 's',
          operationId: CHAT,
          request: { method: 'POST', path: '/v1/chat/completions', query: [], headers: {}, auth: { kind: 'default' as const }, stream: true },
        },
      ],
    };
    expect(sseContentType.applies?.(exchangeContext(spec, CHAT, ex, tc))).toBe(true);
  });
});
