import { describe, expect, it } from 'vitest';
import { OPS, chunk, exchangeContext, failuresOf, pinnedSpec, recordedExchange, streamExchange } from '../test-support/exchanges.js';
import { sseChoiceLifecycle } from './sse-choice-lifecycle.js';

const spec = await pinnedSpec();
const REAL = [
  'chat_completions__stream_2024-05__openllmetry',
  'chat_completions__stream_2025-09__openllmetry',
  'chat_completions__stream_parallel_tool_calls_2024-11__magentic',
  'chat_completions__stream_text_2024-11__magentic',
];
const d = (delta: Record<string, unknown>, finish_reason: string | null = null, index = 0) => ({ index, delta, finish_reason });

function run(chunks: unknown[], request: Record<string, unknown> = { stream: true }, end?: 'reset') {
  const ctx = exchangeContext(spec, OPS.chat, streamExchange(spec, OPS.chat, request, chunks, end ? { end } : {}));
  expect(sseChoiceLifecycle.applies?.(ctx)).toBe(true);
  return failuresOf(sseChoiceLifecycle.run(ctx));
}

describe('sse-choice-lifecycle', () => {
  it.each(REAL)('passes the real stream %s', (name) => {
    expect(failuresOf(sseChoiceLifecycle.run(exchangeContext(spec, OPS.chat, recordedExchange(spec, OPS.chat, name)))).failures).toEqual([]);
  });

  it.each([
    ['one choice', [chunk([d({ role: 'assistant', content: '' })]), chunk([d({ content: 'Hi' })]), chunk([d({ content: '' }, 'stop')])], { stream: true }],
    [
      'n = 2 interleaved',
      [
        chunk([d({ role: 'assistant' }, null, 0), d({ role: 'assistant' }, null, 1)]),
        chunk([d({ content: 'a' }, 'stop', 1)]),
        chunk([d({ content: 'b' }, 'stop', 0)]),
      ],
      { stream: true, n: 2 },
    ],
    [
      'a usage-only final chunk without choices',
      [chunk([d({ role: 'assistant', content: 'x' }, 'stop')]), chunk([], { usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } })],
      { stream: true },
    ],
  ])('passes %s', (_n, chunks, request) => {
    expect(run(chunks, request).failures).toEqual([]);
  });

  it.each([
    ['no role in the first delta', [chunk([d({ content: 'Hi' })]), chunk([d({}, 'stop')])], /first delta of choice 0 \(event #0\) has no role/],
    ['a role other than assistant', [chunk([d({ role: 'user', content: 'Hi' }, 'stop')])], /role "user"/],
    ['no finish_reason', [chunk([d({ role: 'assistant', content: 'Hi' })])], /no finish_reason for choice 0/],
    ['two finish_reasons', [chunk([d({ role: 'assistant' }, 'length')]), chunk([d({}, 'stop')])], /2 finish_reasons for choice 0 \(length@#0, stop@#1\)/],
    [
      'deltas after the finish_reason',
      [chunk([d({ role: 'assistant' }, 'stop')]), chunk([d({ content: 'late' })])],
      /finish_reason for choice 0 in event #0, but the choice has deltas up to event #1/,
    ],
    [
      'an index beyond n',
      [chunk([d({ role: 'assistant' }, 'stop', 0), d({ role: 'assistant' }, 'stop', 1)])],
      /Received: choice 1\. Expected: indexes 0\.\.0 \(n = 1\)/,
    ],
  ])('fails %s', (_n, chunks, message) => {
    const { failures } = run(chunks);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(message);
  });

  it('skips, saying why, when the fold itself failed', () => {
    const ex = streamExchange(spec, OPS.chat, { stream: true }, [chunk([d({ role: 'assistant' }, 'stop')])]);
    ex.response!.sse!.folds['mistral-chunks'] = { foldError: 'boom', atIndex: 3 };
    const ctx = exchangeContext(spec, OPS.chat, ex);
    expect(sseChoiceLifecycle.applies?.(ctx)).toBe(true);
    expect(failuresOf(sseChoiceLifecycle.run(ctx)).skip).toBe('the chunk fold failed at event #3: boom');
  });

  it('skips a cut stream', () => {
    expect(run([chunk([d({ role: 'assistant', content: 'Hi' })])], { stream: true }, 'reset').skip).toMatch(/reset/);
  });
});
