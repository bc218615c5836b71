import { describe, expect, it } from 'vitest';
import { OPS, chunk, completion, exchangeContext, failuresOf, jsonExchange, pinnedSpec, recordedExchange, streamExchange } from '../test-support/exchanges.js';
import { maxTokensHonoured } from './max-tokens-honoured.js';

const spec = await pinnedSpec();
const u = (c: number) => ({ prompt_tokens: 10, completion_tokens: c, total_tokens: 10 + c });

function run(request: Record<string, unknown>, json: unknown, op: string = OPS.chat) {
  const ctx = exchangeContext(spec, op, jsonExchange(op, request, json));
  expect(maxTokensHonoured.applies?.(ctx)).toBe(true);
  return failuresOf(maxTokensHonoured.run(ctx));
}

describe('max-tokens-honoured', () => {
  it('does not apply without max_tokens (the real recordings set none)', () => {
    expect(maxTokensHonoured.applies?.(exchangeContext(spec, OPS.chat, recordedExchange(spec, OPS.chat, 'chat_completions__basic_2025-09__openllmetry')))).toBe(
      false,
    );
  });

  it.each([
    ['cut exactly at the limit', { max_tokens: 5 }, completion([{ finish_reason: 'length' }], u(5))],
    ['stopped below the limit', { max_tokens: 5 }, completion([{ finish_reason: 'stop' }], u(3))],
    ['stopped exactly at the limit', { max_tokens: 5 }, completion([{ finish_reason: 'stop' }], u(5))],
    ['n = 3, one cut, sum within 3 × max', { max_tokens: 5, n: 3 }, completion([{ finish_reason: 'length' }, {}, {}], u(11))],
    ['FIM cut at the limit', { max_tokens: 8 }, completion([{ finish_reason: 'length' }], u(8))],
  ])('passes %s', (_n, request, json) => {
    expect(run(request, json).failures).toEqual([]);
  });

  it.each([
    [
      'more tokens than the limit',
      { max_tokens: 5 },
      completion([{ finish_reason: 'length' }], u(6)),
      /completion_tokens 6\. Expected: at most max_tokens 5\./,
    ],
    [
      '"length" below the limit',
      { max_tokens: 5 },
      completion([{ finish_reason: 'length' }], u(3)),
      /finish_reason "length" on 1 choice\(s\) with completion_tokens 3 < max_tokens 5/,
    ],
    ['n = 2 beyond 2 × max', { max_tokens: 5, n: 2 }, completion([{}, {}], u(11)), /at most max_tokens 5 × n 2 = 10/],
  ])('fails %s', (_n, request, json, message) => {
    const { failures } = run(request, json);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(message);
  });

  it('judges streams through the fold', () => {
    const ex = streamExchange(spec, OPS.chat, { stream: true, max_tokens: 5 }, [
      chunk([{ index: 0, delta: { role: 'assistant', content: 'Rome' }, finish_reason: 'length' }], { usage: u(2) }),
    ]);
    expect(failuresOf(maxTokensHonoured.run(exchangeContext(spec, OPS.chat, ex))).failures[0]?.message).toMatch(/completion_tokens 2 < max_tokens 5/);
  });

  it('skips max_tokens 0 and answers without usage', () => {
    expect(run({ max_tokens: 0 }, completion([{}])).skip).toMatch(/no defined behaviour/);
    expect(run({ max_tokens: 5 }, completion([{}], null)).skip).toMatch(/no completion_tokens/);
  });
});
