import { describe, expect, it } from 'vitest';
import { OPS, chunk, completion, exchangeContext, failuresOf, jsonExchange, pinnedSpec, streamExchange } from '../test-support/exchanges.js';
import { fimCompletion } from './fim-completion.js';

const spec = await pinnedSpec();
const PROMPT = 'def add(a, b):\n';
const SUFFIX = '\n\nprint(add(1, 2))\n';
const u = (c: number) => ({ prompt_tokens: 10, completion_tokens: c, total_tokens: 10 + c });

function run(request: Record<string, unknown>, json: unknown) {
  const ctx = exchangeContext(spec, OPS.fim, jsonExchange(OPS.fim, { model: 'codestral-latest', prompt: PROMPT, suffix: SUFFIX, ...request }, json));
  expect(fimCompletion.applies?.(ctx)).toBe(true);
  return failuresOf(fimCompletion.run(ctx));
}

describe('fim-completion', () => {
  it.each([
    ['the gap only', {}, completion([{ content: '    return a + b' }], u(6))],
    ['min_tokens honoured', { min_tokens: 4 }, completion([{ content: '    return a + b' }], u(6))],
    [
      'min_tokens above max_tokens (unreachable floor)',
      { min_tokens: 10, max_tokens: 4 },
      completion([{ content: '    return', finish_reason: 'length' }], u(4)),
    ],
    ['a short prompt that reappears', { prompt: 'def' }, completion([{ content: 'def add(a, b): pass' }], u(6))],
  ])('passes %s', (_n, request, json) => {
    expect(run(request, json).failures).toEqual([]);
  });

  it.each([
    ['a repeated prompt', {}, completion([{ content: 'def add(a, b):\n    return a + b' }], u(12)), /starts with the prompt "def add\(a, b\):"/],
    ['a repeated suffix', {}, completion([{ content: '    return a + b\n\nprint(add(1, 2))' }], u(12)), /ends with the suffix "print\(add\(1, 2\)\)"/],
    [
      'min_tokens not honoured',
      { min_tokens: 8 },
      completion([{ content: '    pass' }], u(2)),
      /completion_tokens 2 < min_tokens 8\. Expected: at least min_tokens tokens\./,
    ],
  ])('fails %s', (_n, request, json, message) => {
    const { failures } = run(request, json);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(message);
    expect(failures[0]?.warning).toBeUndefined();
  });

  it('only warns on a min_tokens shortfall when a stop sequence may have ended it', () => {
    expect(run({ min_tokens: 8, stop: '\n' }, completion([{ content: '    pass' }], u(2))).failures[0]).toMatchObject({ warning: true });
  });

  it('judges a FIM stream', () => {
    const ex = streamExchange(spec, OPS.fim, { model: 'codestral-latest', prompt: PROMPT, suffix: SUFFIX, stream: true }, [
      chunk([{ index: 0, delta: { role: 'assistant', content: '    return a + b' }, finish_reason: null }]),
      chunk([{ index: 0, delta: { content: '\n\nprint(add(1, 2))' }, finish_reason: 'stop' }], { usage: u(12) }),
    ]);
    expect(failuresOf(fimCompletion.run(exchangeContext(spec, OPS.fim, ex))).failures[0]?.message).toMatch(/ends with the suffix/);
  });
});
