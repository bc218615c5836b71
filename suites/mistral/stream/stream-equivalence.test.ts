import { describe, expect, it } from 'vitest';
import { OPS, caseContext, caseOf, chunk, completion, failuresOf, jsonExchange, pinnedSpec, streamExchange } from '../test-support/exchanges.js';
import { streamEquivalence } from './stream-equivalence.js';

const spec = await pinnedSpec();
const req = { model: 'mistral-small-latest', messages: [{ role: 'user', content: 'Count to three.' }], temperature: 0, random_seed: 7 };
const plain = jsonExchange(OPS.chat, req, completion([{ content: 'One, two, three.' }]));
const streamOf = (parts: string[], finish = 'stop', toolCalls?: unknown[]) =>
  streamExchange(spec, OPS.chat, { ...req, stream: true }, [
    chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]),
    ...parts.map((p) => chunk([{ index: 0, delta: { content: p }, finish_reason: null }])),
    chunk([{ index: 0, delta: toolCalls ? { tool_calls: toolCalls } : { content: '' }, finish_reason: finish }]),
  ]);

function run(exchanges: ReturnType<typeof streamOf>[]) {
  return failuresOf(streamEquivalence.run(caseContext(spec, caseOf(OPS.chat, { caseChecks: ['stream-equivalence'] }), exchanges)));
}

describe('stream-equivalence', () => {
  it('passes when the joined stream equals the answer', () => {
    expect(run([plain, streamOf(['One', ', two', ', three.'])]).failures).toEqual([]);
  });

  it('compares tool calls by name and parsed arguments, not ids or spacing', () => {
    const call = (id: string, args: string) => [{ id, function: { name: 'add', arguments: args } }];
    const a = jsonExchange(OPS.chat, req, completion([{ content: '', tool_calls: call('x1', '{"a": 1}'), finish_reason: 'tool_calls' }]));
    expect(run([a, streamOf([], 'tool_calls', call('y2', '{"a":1}'))]).failures).toEqual([]);
    const b = streamOf([], 'tool_calls', call('y2', '{"a":2}'));
    expect(run([a, b]).failures[0]?.message).toMatch(/choice 0 tool calls differ/);
  });

  it.each([
    [
      'different content',
      streamOf(['One', ', two', ', four.']),
      /choice 0 content differs at character 10: streamed "One, two, four\." vs non-streamed "One, two, three\." \(lengths 15 vs 16\)/,
    ],
    ['a different finish_reason', streamOf(['One, two, three.'], 'length'), /finish_reason differs: streamed "length" vs non-streamed "stop"/],
  ])('fails %s', (_n, streamed, message) => {
    const { failures } = run([plain, streamed]);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(message);
    expect(failures[0]?.step).toBe(1);
  });

  it('fails a choice missing from the stream', () => {
    const two = jsonExchange(OPS.chat, { ...req, n: 2 }, completion([{ content: 'a' }, { content: 'b' }]));
    expect(run([two, streamOf(['a'])]).failures[0]?.message).toMatch(/choice 1 is missing from the stream/);
  });

  it.each([
    ['only one exchange', [plain], /one streamed and one non-streamed/],
    ['an error answer', [plain, { ...streamOf(['x']), response: { ...streamOf(['x']).response!, status: 429 } }], /step 1 was answered 429/],
    [
      'a cut stream',
      [
        plain,
        streamExchange(spec, OPS.chat, { ...req, stream: true }, [chunk([{ index: 0, delta: { role: 'assistant', content: 'One' }, finish_reason: null }])], {
          end: 'reset',
          terminator: false,
        }),
      ],
      /cut \(reset\)/,
    ],
  ])('skips %s', (_n, exchanges, reason) => {
    expect(run(exchanges).skip).toMatch(reason);
  });
});
