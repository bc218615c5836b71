import { describe, expect, it } from 'vitest';
import { OPS, exchangeContext, failuresOf, jsonExchange, pinnedSpec, recordedExchange } from '../test-support/exchanges.js';
import { moderationConsistency } from './moderation-consistency.js';

const spec = await pinnedSpec();
const result = (
  categories: Record<string, unknown> = { sexual: false, pii: false },
  category_scores: Record<string, unknown> = { sexual: 0.01, pii: 0.2 },
) => ({ categories, category_scores });
const body = (...results: unknown[]) => ({ id: 'm', model: 'mistral-moderation-latest', results });

function run(op: string, input: unknown, json: unknown) {
  const ctx = exchangeContext(spec, op, jsonExchange(op, { model: 'mistral-moderation-latest', input }, json));
  expect(moderationConsistency.applies?.(ctx)).toBe(true);
  return failuresOf(moderationConsistency.run(ctx));
}

describe('moderation-consistency', () => {
  it.each([
    [OPS.moderations, 'moderations__text_flagged_2025-10__helgesverre', { input: 'some text' }],
    [
      OPS.chatModerations,
      'chat_moderations__2025-10__helgesverre',
      {
        input: [
          { role: 'user', content: 'hi' },
          { role: 'assistant', content: 'hello' },
        ],
      },
    ],
  ])('passes the real answer %s', (op, name, request) => {
    // The recorder kept no request: a single text / a single conversation, as the one result shows.
    expect(failuresOf(moderationConsistency.run(exchangeContext(spec, op, recordedExchange(spec, op, name, request)))).failures).toEqual([]);
  });

  it.each([
    ['a list of texts', OPS.moderations, ['a', 'b'], body(result(), result())],
    ['a list of conversations', OPS.chatModerations, [[{ role: 'user', content: 'a' }], [{ role: 'user', content: 'b' }]], body(result(), result())],
  ])('passes %s', (_n, op, input, json) => {
    expect(run(op, input, json).failures).toEqual([]);
  });

  it.each([
    ['one result for two texts', OPS.moderations, ['a', 'b'], body(result()), /1 result\(s\) for 2 input\(s\)/],
    ['two results for one conversation', OPS.chatModerations, [{ role: 'user', content: 'a' }], body(result(), result()), /2 result\(s\) for 1 input\(s\)/],
    ['a score above 1', OPS.moderations, 'a', body(result(undefined, { sexual: 1.5, pii: 0 })), /score sexual = 1\.5, not in \[0, 1\]/],
    ['a non-boolean category', OPS.moderations, 'a', body(result({ sexual: 0, pii: false })), /category sexual = 0, not a boolean/],
    [
      'different category sets',
      OPS.moderations,
      'a',
      body(result({ sexual: false }, { sexual: 0.1, pii: 0.1 })),
      /categories \{sexual\} differ from category_scores \{pii,sexual\}/,
    ],
    [
      'categories changing between results',
      OPS.moderations,
      ['a', 'b'],
      body(result(), result({ sexual: false }, { sexual: 0 })),
      /result 1 has categories \{sexual\} unlike result 0/,
    ],
  ])('fails %s', (_n, op, input, json, message) => {
    const { failures } = run(op, input, json);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(message);
  });
});
