// The event builders the live run and `validate` share.
import { describe, expect, it } from 'vitest';
import type { CheckOutcomeRecord } from '../events.js';
import type { Exchange, SseTranscript, TestCase } from '../types.js';
import { caseFinishedEvent, checkMetas, runFinishedEvent } from './run-events.js';

const sse: SseTranscript = {
  events: [],
  eventCount: 3,
  nonJson: [],
  invalid: [],
  terminatorSeen: true,
  afterTerminator: 0,
  end: 'terminator',
  folds: {},
  firstEventMs: 40,
  gapsMs: { median: 5, p95: 9, max: 12, count: 2 },
};

const exchange = (over: Partial<Exchange> = {}): Exchange => ({
  request: { method: 'POST', url: 'http://x/v1/things', headers: {} },
  response: { status: 200, headers: {}, contentType: 'text/event-stream', bodyText: '', bytes: 10, truncated: false, sse, raw: new Uint8Array([1]) },
  timing: { startedAt: 0, ttfbMs: 20, totalMs: 100 },
  retries: 1,
  ...over,
});

const tc = (steps: number): TestCase => ({
  id: 'op/semantic/0',
  operationId: 'op',
  phase: 'semantic',
  expectation: 'accept',
  description: 'a case',
  steps: Array.from({ length: steps }, (_, i) => ({
    label: `s${i}`,
    operationId: i === 0 ? 'op' : 'other',
    request: { method: 'GET', path: '/', query: [], headers: {}, auth: { kind: 'default' } },
  })),
});

const passed: CheckOutcomeRecord[] = [{ checkId: 'a', status: 'passed' }];
const failed: CheckOutcomeRecord[] = [{ checkId: 'a', status: 'failed', message: 'no' }];

describe('caseFinishedEvent', () => {
  it('measures the first exchange, sums retries, names the operation of each step sent and keeps no exchange of a passing case', () => {
    const e = caseFinishedEvent(tc(3), [exchange(), exchange()], passed, { streamGaps: true, tokens: 9 });
    expect(e).toEqual({
      type: 'case-finished',
      caseId: 'op/semantic/0',
      operationId: 'op',
      phase: 'semantic',
      expectation: 'accept',
      outcomes: passed,
      latency: { ttfbMs: 20, totalMs: 100, stream: true, firstEventMs: 40, gapMedianMs: 5, gapP95Ms: 9 },
      requests: 2,
      stepOperations: ['op', 'other'],
      retries: 2,
      tokens: 9,
      description: 'a case',
    });
  });

  it('keeps the exchanges of a case with a problem, without their raw bytes', () => {
    const e = caseFinishedEvent(tc(1), [exchange()], failed, { streamGaps: true });
    expect(e.exchanges).toHaveLength(1);
    expect(e.exchanges?.[0]?.response?.raw).toBeUndefined();
    expect(caseFinishedEvent(tc(1), [exchange()], [{ checkId: 'a', status: 'skipped' }], { streamGaps: true }).exchanges).toBeUndefined();
  });

  it('leaves out stream gaps that were not measured (a recording) and tokens nobody counted', () => {
    const e = caseFinishedEvent(tc(1), [exchange()], passed, { streamGaps: false });
    expect(e.latency).toEqual({ ttfbMs: 20, totalMs: 100, stream: true, firstEventMs: 40 });
    expect('tokens' in e).toBe(false);
  });
});

describe('runFinishedEvent', () => {
  it('says why the run stopped and what it left undone only when it stopped early', () => {
    expect(runFinishedEvent(Date.now(), { requests: 3, tokens: 4 })).toMatchObject({ type: 'run-finished', requests: 3, tokens: 4 });
    expect('stoppedBy' in runFinishedEvent(Date.now(), { requests: 3, tokens: 4 })).toBe(false);
    expect(runFinishedEvent(Date.now(), { requests: 3, tokens: 4 }, { stoppedBy: 'interrupted', notRun: 2 })).toMatchObject({
      stoppedBy: 'interrupted',
      notRun: 2,
    });
  });
});

describe('checkMetas', () => {
  it('lists a check id once, with its descriptive fields only', () => {
    const meta = { id: 'a', title: 'A', severity: 'low' as const, description: 'd', category: 'c' };
    expect(checkMetas([{ ...meta, scope: 'exchange', run: () => undefined } as never, { ...meta, scope: 'case', run: () => undefined } as never])).toEqual([
      meta,
    ]);
  });
});
