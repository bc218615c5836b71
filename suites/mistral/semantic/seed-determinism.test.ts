import { describe, expect, it } from 'vitest';
import { OPS, caseContext, caseOf, completion, failuresOf, jsonExchange, pinnedSpec } from '../test-support/exchanges.js';
import { seedDeterminism } from './seed-determinism.js';

const spec = await pinnedSpec();
const answer = (content: string, status = 200) => jsonExchange(OPS.chat, { random_seed: 42 }, completion([{ content }]), { status });

function run(...exchanges: ReturnType<typeof answer>[]) {
  return failuresOf(seedDeterminism.run(caseContext(spec, caseOf(OPS.chat, { caseChecks: ['seed-determinism'] }), exchanges)));
}

describe('seed-determinism', () => {
  it('passes identical answers', () => {
    expect(run(answer('The sea is calm.'), answer('The sea is calm.'), answer('The sea is calm.')).failures).toEqual([]);
  });

  it('fails by pass^k when one repetition differs', () => {
    const { failures } = run(answer('The sea is calm.'), answer('The sea is calm.'), answer('Waves crash.'));
    expect(failures[0]?.message).toMatch(/^Received: 1 of 2 held: pass@2 held, pass\^2 failed .*step 2 answered "Waves crash\." vs "The sea is calm\."/);
    expect(failures[0]?.step).toBe(2);
  });

  it('skips when a repetition was not accepted, or only one ran', () => {
    expect(run(answer('a'), answer('a', 429)).skip).toMatch(/step 1 was answered 429/);
    expect(run(answer('a')).skip).toMatch(/at least two/);
  });
});
