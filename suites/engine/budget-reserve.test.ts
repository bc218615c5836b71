// The budget's reserve for clean-up: a run stopped by --max-requests can still undo what it created.
import { describe, expect, it } from 'vitest';
import { createBudget } from './budget.js';

describe('beforeRequest with requests kept back for clean-up', () => {
  it('refuses a request once it would eat into the reserve, and says the request budget ended the run', () => {
    const budget = createBudget({ maxRequests: 5 });
    expect(budget.beforeRequest(0, 2)).toBe(true); // 1 sent, 2 kept: 3 of 5
    expect(budget.beforeRequest(0, 2)).toBe(true); // 2 sent: 4 of 5
    expect(budget.beforeRequest(0, 2)).toBe(true); // 3 sent: 5 of 5
    expect(budget.exhausted()).toBeUndefined();
    expect(budget.beforeRequest(0, 2)).toBe(false);
    expect(budget.exhausted()).toBe('budget:max-requests');
    expect(budget.used.requests).toBe(3);
  });

  it('the stop is final: a smaller reserve later does not resume the run', () => {
    const budget = createBudget({ maxRequests: 3 });
    expect(budget.beforeRequest(0, 3)).toBe(false);
    expect(budget.beforeRequest(0, 0)).toBe(false);
    expect(budget.used.requests).toBe(0);
  });

  it('ignores a reserve when there is no request limit', () => {
    const budget = createBudget({ maxDurationMs: 60_000 });
    expect(budget.beforeRequest(0, 1_000)).toBe(true);
  });
});

describe('beforeCleanupRequest', () => {
  it('spends the kept-back requests after the run stopped, up to the limit and no further', () => {
    const budget = createBudget({ maxRequests: 4 });
    expect(budget.beforeRequest(0, 2)).toBe(true);
    expect(budget.beforeRequest(0, 2)).toBe(true);
    expect(budget.beforeRequest(0, 2)).toBe(false);
    expect(budget.beforeCleanupRequest()).toBe(true);
    expect(budget.beforeCleanupRequest()).toBe(true);
    expect(budget.beforeCleanupRequest()).toBe(false);
    expect(budget.used.requests).toBe(4);
  });

  it('still cleans up after the time budget ended the run', () => {
    let now = 0;
    const budget = createBudget({ maxDurationMs: 100 }, () => now);
    expect(budget.beforeRequest()).toBe(true);
    now = 500;
    expect(budget.beforeRequest()).toBe(false);
    expect(budget.exhausted()).toBe('budget:max-duration');
    expect(budget.beforeCleanupRequest()).toBe(true);
  });
});
