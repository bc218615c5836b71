import { describe, expect, it } from 'vitest';
import { OPS, caseContext, caseOf, completion, failuresOf, jsonExchange, pinnedSpec } from '../test-support/exchanges.js';
import { usagePromptGrowth } from './usage-prompt-growth.js';

const spec = await pinnedSpec();
const step = {
  label: 's',
  operationId: OPS.chat,
  request: { method: 'POST', path: '/v1/chat/completions', query: [], headers: {}, auth: { kind: 'default' as const } },
};
const tc = caseOf(OPS.chat, { caseChecks: ['usage-arithmetic'], steps: [step, step] });
const answer = (p: number, c = 2, t = p + c) => jsonExchange(OPS.chat, {}, completion([{}], { prompt_tokens: p, completion_tokens: c, total_tokens: t }));

function run(...exchanges: ReturnType<typeof answer>[]) {
  return failuresOf(usagePromptGrowth.run(caseContext(spec, tc, exchanges)));
}

describe('usage-arithmetic (prompt growth)', () => {
  it('passes when the longer prompt counts more tokens', () => {
    expect(run(answer(8), answer(140)).failures).toEqual([]);
  });

  it('fails a constant prompt_tokens', () => {
    const { failures } = run(answer(8), answer(8));
    expect(failures[0]?.message).toMatch(/prompt_tokens 8 for the longer prompt vs 8 for the shorter one/);
    expect(failures[0]?.step).toBe(1);
  });

  it('fails broken arithmetic on one of the answers', () => {
    const { failures } = run(answer(8), answer(140, 2, 100));
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(/step 1: total_tokens 100 ≠/);
  });

  it('skips when a step was not accepted', () => {
    const limited = { ...answer(8), response: { ...answer(8).response!, status: 429 } };
    expect(run(answer(8), limited).skip).toMatch(/step 1 was answered 429/);
  });
});
