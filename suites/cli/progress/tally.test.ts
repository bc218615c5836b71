import { describe, expect, it } from 'vitest';
import type { CaseFinished } from '../../engine/events.js';
import { ProgressTally } from './tally.js';

const done = (operationId: string, status: 'passed' | 'failed' | 'warning' = 'passed'): CaseFinished =>
  ({ type: 'case-finished', operationId, outcomes: [{ status }] }) as unknown as CaseFinished;

describe('ProgressTally', () => {
  it('counts cases, failures and warnings, and operations once all their planned cases ran', () => {
    let t = 0;
    const tally = new ProgressTally(() => t, undefined);
    tally.started(3);
    tally.setTotals({ casesByOperation: { a: 2, b: 2, c: 1 } });
    tally.caseFinished(done('a', 'failed'));
    tally.caseFinished(done('a', 'warning'));
    tally.caseFinished(done('b'));
    t = 30_000;
    expect(tally.status()).toEqual({ parts: ['ops 1/3', 'cases 3/5', '1 failed', '1 warned', '30s', '~20s left'], fraction: 0.6 });
    tally.operationSkipped('c');
    expect(tally.status().parts[0]).toBe('ops 2/3');
  });

  it('without a plan, counts an operation once started and ends at the cases run', () => {
    const tally = new ProgressTally(() => 0, undefined);
    tally.started(2);
    tally.caseFinished(done('a'));
    expect(tally.status()).toEqual({ parts: ['ops 1/2', 'cases 1', '0 failed', '0s'] });
    tally.finished(undefined);
    expect(tally.status().fraction).toBe(1);
  });
});
