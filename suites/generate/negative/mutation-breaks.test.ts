import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operationContext, requestValuesArbitrary } from '../request-arbitrary.js';
import { pinnedSpec } from '../test-support/test-specs.js';
import { applyMutation, mutationBreaks, requestMutations } from './request-mutations.js';

const HINTS = { fixed: { 'body.model': ['mistral-small-latest'] }, caps: { 'body.max_tokens': 16 } };

describe('mutationBreaks: the screening answer of applyMutation, without encoding', () => {
  it('agrees with applyMutation on every mutation of every operation, both ways', async () => {
    const spec = await pinnedSpec();
    let breaks = 0;
    let stays = 0;
    for (const op of spec.operations) {
      const ctx = operationContext(spec, op, HINTS);
      const sampled = fc.sample(requestValuesArbitrary(ctx, op), { seed: 7, numRuns: 2 });
      // A base without its body: the body's mutations then have nothing to break (undefined).
      const { body: _body, ...bodiless } = sampled[0]!;
      const bases = [...sampled, bodiless];
      for (const m of requestMutations(ctx, op)) {
        for (const base of bases) {
          const expected = applyMutation(ctx, op, m, base) !== undefined;
          expect(mutationBreaks(ctx, m, base)).toBe(expected);
          if (expected) breaks++;
          else stays++;
        }
      }
    }
    // Both answers occur, so the agreement above is not vacuous.
    expect(breaks).toBeGreaterThan(100);
    expect(stays).toBeGreaterThan(0);
  });
});
