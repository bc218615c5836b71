import { describe, expect, it } from 'vitest';
import { OPS, caseContext, caseOf, failuresOf, jsonExchange, pinnedSpec } from '../test-support/exchanges.js';
import { embeddingsAcrossCalls } from './embeddings-across-calls.js';

const spec = await pinnedSpec();
const call = (input: string[], vectors: number[][]) =>
  jsonExchange(
    OPS.embeddings,
    { model: 'mistral-embed', input },
    {
      id: 'e',
      object: 'list',
      model: 'mistral-embed',
      data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
      usage: { prompt_tokens: 1, completion_tokens: 0, total_tokens: 1 },
    },
  );

function run(...exchanges: ReturnType<typeof call>[]) {
  return failuresOf(embeddingsAcrossCalls.run(caseContext(spec, caseOf(OPS.embeddings, { caseChecks: ['embeddings-consistency'] }), exchanges)));
}

describe('embeddings-consistency (across calls)', () => {
  it('passes the same vector for the same text in two calls', () => {
    expect(
      run(
        call(
          ['a', 'b', 'a'],
          [
            [1, 0],
            [0, 1],
            [1, 0],
          ],
        ),
        call(['a'], [[1, 0]]),
      ).failures,
    ).toEqual([]);
  });

  it.each([
    [
      'a different vector for the same text',
      [
        call(
          ['a', 'b'],
          [
            [1, 0],
            [0, 1],
          ],
        ),
        call(['a'], [[0.2, 1]]),
      ],
      /cosine 0\.196116 between the vectors of "a" at steps 0 and 1/,
    ],
    ['a different dimension', [call(['a'], [[1, 0]]), call(['b'], [[1, 0, 0]])], /dimension 3 at step 1 vs 2 at step 0/],
    ['an inconsistent answer inside the case', [call(['a', 'b'], [[1, 0]]), call(['a'], [[1, 0]])], /step 0: 1 embedding\(s\) for 2 input\(s\)/],
  ])('fails %s', (_n, exchanges, message) => {
    const { failures } = run(...exchanges);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(message);
  });
});
