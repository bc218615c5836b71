import { describe, expect, it } from 'vitest';
import { createBudget } from './budget.js';

const fakeClock = (): { now: () => number; advance: (ms: number) => void } => {
  let t = 1_000;
  return { now: () => t, advance: (ms) => (t += ms) };
};

describe('createBudget', () => {
  it('lets exactly maxRequests through even under concurrency', async () => {
    const budget = createBudget({ maxRequests: 50 });
    let sent = 0;
    // 200 workers interleave at awaits, each trying several requests, like a concurrent runner.
    const worker = async (w: number): Promise<void> => {
      for (let i = 0; i < 5; i++) {
        await new Promise<void>((r) => setImmediate(r));
        if (w % 3 === 0) await Promise.resolve();
        if (budget.beforeRequest()) sent++;
      }
    };
    await Promise.all(Array.from({ length: 200 }, (_, w) => worker(w)));
    expect(sent).toBe(50);
    expect(budget.exhausted()).toBe('budget:max-requests');
    expect(budget.remaining.requests).toBe(0);
    expect(budget.refused).toBe(950);
  });

  it('is not exhausted while requests remain', () => {
    const budget = createBudget({ maxRequests: 2 });
    expect(budget.beforeRequest()).toBe(true);
    expect(budget.exhausted()).toBeUndefined();
    expect(budget.remaining).toEqual({ requests: 1 });
    expect(budget.beforeRequest()).toBe(true);
    expect(budget.exhausted()).toBe('budget:max-requests');
    expect(budget.beforeRequest()).toBe(false);
  });

  it('stops once the token total is reached', () => {
    const budget = createBudget({ maxTotalTokens: 100 });
    expect(budget.beforeRequest()).toBe(true);
    budget.recordTokens(60);
    expect(budget.beforeRequest()).toBe(true);
    expect(budget.remaining.tokens).toBe(40);
    budget.recordTokens(45);
    expect(budget.exhausted()).toBe('budget:max-total-tokens');
    expect(budget.beforeRequest()).toBe(false);
    expect(budget.used.tokens).toBe(105);
    expect(budget.remaining.tokens).toBe(0);
  });

  it('reserves estimated tokens so concurrent requests cannot overspend', () => {
    const budget = createBudget({ maxTotalTokens: 100 });
    expect(budget.beforeRequest(40)).toBe(true);
    expect(budget.beforeRequest(40)).toBe(true);
    expect(budget.beforeRequest(40)).toBe(false); // 120 would not fit while two are in flight
    expect(budget.exhausted()).toBeUndefined();
    budget.recordTokens(10, 40);
    expect(budget.beforeRequest(40)).toBe(true); // 10 used + 40 reserved + 40 fits
  });

  it('stops when the duration is over and reports the time left', () => {
    const clock = fakeClock();
    const budget = createBudget({ maxDurationMs: 1000 }, clock);
    expect(budget.beforeRequest()).toBe(true);
    clock.advance(400);
    expect(budget.remaining.durationMs).toBe(600);
    clock.advance(600);
    expect(budget.beforeRequest()).toBe(false);
    expect(budget.exhausted()).toBe('budget:max-duration');
  });

  it('accepts a plain function as clock', () => {
    let t = 0;
    const budget = createBudget({ maxDurationMs: 10 }, () => t);
    t = 9;
    expect(budget.beforeRequest()).toBe(true);
    t = 10;
    expect(budget.beforeRequest()).toBe(false);
  });

  it('reports the first limit reached and keeps it', () => {
    const clock = fakeClock();
    const budget = createBudget({ maxRequests: 1, maxDurationMs: 5 }, clock);
    budget.beforeRequest();
    clock.advance(10);
    expect(budget.exhausted()).toBe('budget:max-requests');
  });

  it('has no limits when none are given', () => {
    const budget = createBudget({});
    for (let i = 0; i < 1000; i++) expect(budget.beforeRequest(1_000_000)).toBe(true);
    budget.recordTokens(1e9);
    expect(budget.exhausted()).toBeUndefined();
    expect(budget.remaining).toEqual({});
  });

  it('ignores nonsense token counts', () => {
    const budget = createBudget({ maxTotalTokens: 10 });
    budget.recordTokens(Number.NaN);
    budget.recordTokens(-5);
    expect(budget.used.tokens).toBe(0);
  });

  it('rejects invalid limits in one line', () => {
    expect(() => createBudget({ maxRequests: 0 })).toThrow('[mistral-conformance] Failed to create budget: maxRequests must be a number > 0 (got 0)');
  });
});
