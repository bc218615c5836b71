import { describe, expect, it } from 'vitest';
import { OPS, chunk, exchangeContext, failuresOf, pinnedSpec, recordedExchange, streamExchange } from '../test-support/exchanges.js';
import { sseStableIdentity } from './sse-stable-identity.js';

const spec = await pinnedSpec();
const REAL = [
  'chat_completions__stream_2024-05__openllmetry',
  'chat_completions__stream_2025-09__openllmetry',
  'chat_completions__stream_parallel_tool_calls_2024-11__magentic',
  'chat_completions__stream_text_2024-11__magentic',
];
const c = (extra: Record<string, unknown>) => chunk([{ index: 0, delta: { role: 'assistant' }, finish_reason: null }], extra);

function run(chunks: unknown[]) {
  return failuresOf(sseStableIdentity.run(exchangeContext(spec, OPS.chat, streamExchange(spec, OPS.chat, { stream: true }, chunks))));
}

describe('sse-stable-identity', () => {
  it.each(REAL)('passes the real stream %s', (name) => {
    expect(failuresOf(sseStableIdentity.run(exchangeContext(spec, OPS.chat, recordedExchange(spec, OPS.chat, name)))).failures).toEqual([]);
  });

  it('passes one id and one model', () => {
    expect(run([c({}), c({}), c({})]).failures).toEqual([]);
  });

  it.each([
    ['a changing id', [c({ id: 'a' }), c({ id: 'b' })], /2 distinct ids across 2 chunks \("a", "b"\)/],
    ['a changing model', [c({}), c({ model: 'mistral-large-latest' })], /2 distinct models across 2 chunks/],
  ])('fails %s', (_n, chunks, message) => {
    const { failures } = run(chunks);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(message);
  });

  it('does not apply to a non-streamed answer', () => {
    const ctx = exchangeContext(spec, OPS.chat, recordedExchange(spec, OPS.chat, 'chat_completions__basic_2025-09__openllmetry'));
    expect(sseStableIdentity.applies?.(ctx)).toBe(false);
  });
});
