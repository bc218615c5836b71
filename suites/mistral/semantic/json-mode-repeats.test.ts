import { describe, expect, it } from 'vitest';
import { OPS, caseContext, caseOf, completion, failuresOf, jsonExchange, pinnedSpec } from '../test-support/exchanges.js';
import { jsonModeRepeats } from './json-mode-repeats.js';

const spec = await pinnedSpec();
const REQ = { response_format: { type: 'json_object' } };
const answer = (content: string, finish_reason = 'stop') => jsonExchange(OPS.chat, REQ, completion([{ content, finish_reason }]));

function run(...exchanges: ReturnType<typeof answer>[]) {
  return failuresOf(jsonModeRepeats.run(caseContext(spec, caseOf(OPS.chat, { caseChecks: ['json-mode'] }), exchanges)));
}

describe('json-mode (k repetitions)', () => {
  it('passes when every repetition is JSON', () => {
    expect(run(answer('{"a":1}'), answer('{"b":2}'), answer('{}')).failures).toEqual([]);
  });

  it('fails by pass^k when one of k is not JSON, reporting pass@k', () => {
    const { failures } = run(answer('{"a":1}'), answer('Here you go'), answer('{}'));
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(
      /^2 of 3 held: pass@3 held, pass\^3 failed \(verdict by pass\^3\)\. First failure, step 1: Received: choice 0 content is not JSON/,
    );
    expect(failures[0]?.step).toBe(1);
  });

  it('leaves cut repetitions out of k', () => {
    expect(run(answer('{"a":1}'), answer('{"b', 'length')).failures).toEqual([]);
    expect(run(answer('{"b', 'length')).skip).toMatch(/no repetition could be judged/);
  });
});
