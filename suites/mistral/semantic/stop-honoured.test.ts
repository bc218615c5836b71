import { describe, expect, it } from 'vitest';
import { OPS, chunk, completion, exchangeContext, failuresOf, jsonExchange, pinnedSpec, streamExchange } from '../test-support/exchanges.js';
import { stopHonoured } from './stop-honoured.js';

const spec = await pinnedSpec();
const u = (c: number) => ({ prompt_tokens: 10, completion_tokens: c, total_tokens: 10 + c });

function run(request: Record<string, unknown>, json: unknown) {
  const ctx = exchangeContext(spec, OPS.chat, jsonExchange(OPS.chat, request, json));
  expect(stopHonoured.applies?.(ctx)).toBe(true);
  return failuresOf(stopHonoured.run(ctx));
}

describe('stop-honoured', () => {
  it.each([
    ['stopped before " the"', { stop: ' the', max_tokens: 16 }, completion([{ content: 'Rome was founded in 753 BC, and' }], u(9))],
    ['a list form', { stop: ['\n', ' and'], max_tokens: 16 }, completion([{ content: 'Apples' }], u(2))],
    [
      'cut by the limit without reaching the sequence',
      { stop: 'zebra', max_tokens: 4 },
      completion([{ content: 'Once upon a time', finish_reason: 'length' }], u(4)),
    ],
  ])('passes %s', (_n, request, json) => {
    expect(run(request, json).failures).toEqual([]);
  });

  it.each([
    [
      'content containing the sequence',
      { stop: ' the', max_tokens: 16 },
      completion([{ content: 'Rome was the capital' }], u(5)),
      /choice 0 contains the stop sequence " the" at character 8/,
    ],
    ['a list item in content', { stop: ['\n', ' and'], max_tokens: 16 }, completion([{ content: 'Apples\nPears' }], u(4)), /stop sequence "\\n"/],
    [
      '"length" before the limit',
      { stop: ' the', max_tokens: 16 },
      completion([{ content: 'Rome was', finish_reason: 'length' }], u(3)),
      /finish_reason "length" with completion_tokens 3 < max_tokens 16/,
    ],
    [
      '"length" without a limit',
      { stop: ' the' },
      completion([{ content: 'Rome was', finish_reason: 'length' }], u(3)),
      /finish_reason "length" without max_tokens/,
    ],
  ])('fails %s', (_n, request, json, message) => {
    const { failures } = run(request, json);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(message);
  });

  it('judges the joined stream (a sequence split across chunks)', () => {
    const ex = streamExchange(spec, OPS.chat, { stream: true, stop: ' the' }, [
      chunk([{ index: 0, delta: { role: 'assistant', content: 'Rome was ' }, finish_reason: null }]),
      chunk([{ index: 0, delta: { content: ' th' }, finish_reason: null }]),
      chunk([{ index: 0, delta: { content: 'e end' }, finish_reason: 'stop' }]),
    ]);
    expect(failuresOf(stopHonoured.run(exchangeContext(spec, OPS.chat, ex))).failures[0]?.message).toMatch(/contains the stop sequence " the"/);
  });

  it('does not apply without stop or with an empty one', () => {
    expect(stopHonoured.applies?.(exchangeContext(spec, OPS.chat, jsonExchange(OPS.chat, { stop: '' }, completion([{}]))))).toBe(false);
    expect(stopHonoured.applies?.(exchangeContext(spec, OPS.chat, jsonExchange(OPS.chat, {}, completion([{}]))))).toBe(false);
  });
});
