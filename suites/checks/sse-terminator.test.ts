import { describe, expect, it } from 'vitest';
import { sseTerminator } from './sse-terminator.js';
import { exchangeContext, exchangeOf, failuresOf, pinnedSpec, sseText, transcriptFromText } from './test-support/sse.js';

const spec = await pinnedSpec();
const CHAT = 'chat_completion_v1_chat_completions_post';
const chunk = { id: 'a', model: 'm', choices: [] };

function ctxFor(body: string, end?: 'reset') {
  return exchangeContext(spec, CHAT, exchangeOf({ requestJson: { stream: true }, sse: transcriptFromText(body, end ? { end } : {}) }));
}

describe('sse-terminator', () => {
  it('passes a stream ended by data: [DONE]', () => {
    const ctx = ctxFor(sseText(chunk, '[DONE]'));
    expect(sseTerminator.applies?.(ctx)).toBe(true);
    expect(failuresOf(sseTerminator.run(ctx)).failures).toEqual([]);
  });

  it.each([
    ['no terminator', sseText(chunk, chunk), /closed after 2 event\(s\) without a terminator.*data: \[DONE\]/],
    ['events after the terminator', sseText(chunk, '[DONE]', chunk), /1 event\(s\) or non-blank line\(s\) after "data: \[DONE\]"/],
  ])('fails %s', (_n, body, message) => {
    expect(failuresOf(sseTerminator.run(ctxFor(body))).failures[0]?.message).toMatch(message);
  });

  it('skips a cut stream (sse-stream-completes reports it)', () => {
    expect(failuresOf(sseTerminator.run(ctxFor(sseText(chunk), 'reset'))).skip).toMatch(/reset/);
  });

  it('does not apply without a declared terminator (literal spec, agents without errata)', async () => {
    const { loadSpec } = await import('../openapi/load-spec.js');
    const { pinnedSpecPath } = await import('../mistral/contracts.js');
    const literal = await loadSpec(pinnedSpecPath());
    const ctx = exchangeContext(literal, CHAT, exchangeOf({ requestJson: { stream: true }, sse: transcriptFromText(sseText(chunk)) }));
    expect(sseTerminator.applies?.(ctx)).toBe(false);
  });
});
