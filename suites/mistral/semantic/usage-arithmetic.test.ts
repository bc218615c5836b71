import { describe, expect, it } from 'vitest';
import { OPS, caseOf, completion, exchangeContext, failuresOf, jsonExchange, pinnedSpec, recordedExchange } from '../test-support/exchanges.js';
import { usageArithmetic } from './usage-arithmetic.js';

const spec = await pinnedSpec();
const u = (p: unknown, c: unknown, t: unknown) => ({ prompt_tokens: p, completion_tokens: c, total_tokens: t });

function run(op: string, json: unknown) {
  const ctx = exchangeContext(spec, op, jsonExchange(op, {}, json));
  expect(usageArithmetic.applies?.(ctx)).toBe(true);
  return failuresOf(usageArithmetic.run(ctx));
}

describe('usage-arithmetic', () => {
  it.each([
    [OPS.chat, 'chat_completions__basic_2024-05__openllmetry'],
    [OPS.chat, 'chat_completions__basic_2025-09__openllmetry'],
    [OPS.chat, 'chat_completions__function_call_2024-02__helgesverre'],
    [OPS.chat, 'chat_completions__json_mode_2024-02__helgesverre'],
    [OPS.embeddings, 'embeddings__batch_input_2025-09__openllmetry'],
    [OPS.embeddings, 'embeddings__single_input_2024-05__openllmetry'],
    // Moderations: the real total is prompt + 91 (classifier overhead); usage is undocumented there, so only total ≥ prompt + completion is required.
    [OPS.moderations, 'moderations__text_flagged_2025-10__helgesverre'],
    [OPS.chatModerations, 'chat_moderations__2025-10__helgesverre'],
  ])('passes the real %s answer %s', (op, name) => {
    expect(failuresOf(usageArithmetic.run(exchangeContext(spec, op, recordedExchange(spec, op, name)))).failures).toEqual([]);
  });

  it.each([
    ['total ≠ prompt + completion', OPS.chat, completion([{}], u(10, 5, 16)), /total_tokens 16 ≠ prompt_tokens 10 \+ completion_tokens 5 \(= 15\)/],
    ['a negative count', OPS.fim, completion([{}], u(10, -5, 5)), /completion_tokens = -5 is not a non-negative integer/],
    ['a fractional count', OPS.embeddings, { data: [], usage: u(1.5, 0, 1.5) }, /prompt_tokens = 1\.5/],
    ['a missing count', OPS.chat, completion([{}], { prompt_tokens: 3, total_tokens: 3 }), /completion_tokens is missing/],
    ['a moderation total below prompt + completion', OPS.moderations, { results: [], usage: u(16, 0, 10) }, /total_tokens 10 < prompt_tokens 16/],
  ])('fails %s', (_n, op, json, message) => {
    const { failures } = run(op, json);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(message);
  });

  it('skips an answer without usage', () => {
    expect(run(OPS.chat, { choices: [] }).skip).toMatch(/response-schema-conformance/);
    expect(run(OPS.moderations, { results: [] }).skip).toMatch(/not documented for moderations/);
  });

  it('leaves prompt-growth probes to the case form', () => {
    const ctx = exchangeContext(spec, OPS.chat, jsonExchange(OPS.chat, {}, completion([{}])), caseOf(OPS.chat, { caseChecks: ['usage-arithmetic'] }));
    expect(usageArithmetic.applies?.(ctx)).toBe(false);
  });
});
