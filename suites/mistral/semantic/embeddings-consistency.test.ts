import { describe, expect, it } from 'vitest';
import { OPS, exchangeContext, failuresOf, jsonExchange, pinnedSpec, recordedExchange } from '../test-support/exchanges.js';
import { embeddingsConsistency } from './embeddings-consistency.js';

const spec = await pinnedSpec();
const item = (index: unknown, embedding: unknown[]) => ({ object: 'embedding', index, embedding });
const body = (...data: unknown[]) => ({
  id: 'e',
  object: 'list',
  model: 'mistral-embed',
  data,
  usage: { prompt_tokens: 3, completion_tokens: 0, total_tokens: 3 },
});

function run(request: Record<string, unknown>, json: unknown) {
  const ctx = exchangeContext(spec, OPS.embeddings, jsonExchange(OPS.embeddings, request, json));
  expect(embeddingsConsistency.applies?.(ctx)).toBe(true);
  return failuresOf(embeddingsConsistency.run(ctx));
}

describe('embeddings-consistency', () => {
  it.each(['embeddings__batch_input_2025-09__openllmetry', 'embeddings__single_input_2024-05__openllmetry'])('passes the real answer %s', (name) => {
    expect(failuresOf(embeddingsConsistency.run(exchangeContext(spec, OPS.embeddings, recordedExchange(spec, OPS.embeddings, name)))).failures).toEqual([]);
  });

  it('passes a repeated input with the same vector', () => {
    expect(run({ input: ['a', 'b', 'a'] }, body(item(0, [1, 0]), item(1, [0, 1]), item(2, [1, 0.00001]))).failures).toEqual([]);
  });

  it.each([
    ['too few vectors', { input: ['a', 'b'] }, body(item(0, [1, 0])), /1 embedding\(s\) for 2 input\(s\)/],
    ['out of order', { input: ['a', 'b'] }, body(item(1, [1, 0]), item(0, [0, 1])), /item 0 has index 1; item 1 has index 0/],
    ['mixed dimensions', { input: ['a', 'b'] }, body(item(0, [1, 0]), item(1, [0, 1, 0])), /dimensions 2, 3 in one answer/],
    ['a non-finite number', { input: 'a' }, body(item(0, [1, null])), /item 0 has null at position 1/],
    ['an empty vector', { input: 'a' }, body(item(0, [])), /item 0 has no embedding vector/],
    [
      'different vectors for the same text',
      { input: ['a', 'a'] },
      body(item(0, [1, 0]), item(1, [0, 1])),
      /the same input "a" has vectors with cosine 0\.000000/,
    ],
  ])('fails %s', (_n, request, json, message) => {
    const { failures } = run(request, json);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(message);
  });

  it('skips other encodings', () => {
    expect(run({ input: 'a', encoding_format: 'base64' }, body(item(0, []))).skip).toMatch(/base64/);
  });
});
