import { describe, expect, it } from 'vitest';
import { OPS, chunk, exchangeContext, failuresOf, pinnedSpec, recordedExchange, streamExchange } from '../test-support/exchanges.js';
import { sseUsage } from './sse-usage.js';

const spec = await pinnedSpec();
const REAL = [
  'chat_completions__stream_2024-05__openllmetry',
  'chat_completions__stream_2025-09__openllmetry',
  'chat_completions__stream_parallel_tool_calls_2024-11__magentic',
  'chat_completions__stream_text_2024-11__magentic',
];
const open = chunk([{ index: 0, delta: { role: 'assistant', content: 'Hi' }, finish_reason: null }]);
const close = (extra: Record<string, unknown> = {}) => chunk([{ index: 0, delta: {}, finish_reason: 'stop' }], extra);
const usage = (p: unknown, c: unknown, t: unknown) => ({ prompt_tokens: p, completion_tokens: c, total_tokens: t });

function run(chunks: unknown[]) {
  return failuresOf(sseUsage.run(exchangeContext(spec, OPS.chat, streamExchange(spec, OPS.chat, { stream: true }, chunks))));
}

describe('sse-usage', () => {
  it.each(REAL)('passes the real stream %s', (name) => {
    expect(failuresOf(sseUsage.run(exchangeContext(spec, OPS.chat, recordedExchange(spec, OPS.chat, name)))).failures).toEqual([]);
  });

  it.each([
    ['usage on the finishing chunk (Mistral)', [open, close({ usage: usage(3, 2, 5) })]],
    ['usage on a final chunk without choices (OpenAI style)', [open, close(), chunk([], { usage: usage(3, 2, 5) })]],
    ['no usage at all (optional in the chunk schema)', [open, close()]],
    [
      'usage: null on every chunk',
      [chunk([{ index: 0, delta: { role: 'assistant' }, finish_reason: null }], { usage: null }), close({ usage: usage(1, 1, 2) })],
    ],
    ['usage last even after a non-JSON event (event indexes count it)', [open, 'keep-alive', close({ usage: usage(3, 2, 5) })]],
  ])('passes %s', (_n, chunks) => {
    expect(run(chunks).failures).toEqual([]);
  });

  it.each([
    [
      'usage twice',
      [chunk([{ index: 0, delta: { role: 'assistant' }, finish_reason: null }], { usage: usage(3, 0, 3) }), close({ usage: usage(3, 2, 5) })],
      /usage in 2 chunks \(events #0, #1\)/,
    ],
    [
      'usage before the end',
      [chunk([{ index: 0, delta: { role: 'assistant' }, finish_reason: null }], { usage: usage(3, 2, 5) }), close()],
      /usage in event #0\. Expected: usage on the last chunk \(event #1\)/,
    ],
    ['total ≠ prompt + completion', [open, close({ usage: usage(3, 2, 6) })], /total_tokens 6 ≠ prompt_tokens 3 \+ completion_tokens 2/],
    ['negative count', [open, close({ usage: usage(-1, 2, 1) })], /prompt_tokens = -1 is not a non-negative integer/],
  ])('fails %s', (_n, chunks, message) => {
    const { failures } = run(chunks);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(message);
  });
});
