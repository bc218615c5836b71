import { describe, expect, it } from 'vitest';
import type { CaseFinished, RunEvent, RunStarted } from '../engine/events.js';
import { createProgress, formatDuration, type ProgressOptions } from './progress.js';

function harness(opts: Partial<ProgressOptions> = {}, streamExtra: Record<string, unknown> = {}) {
  let t = 1_000_000;
  const out: string[] = [];
  let tick: (() => void) | undefined;
  let cleared = false;
  const stream = { write: (s: string) => void out.push(s), ...streamExtra } as unknown as NodeJS.WritableStream;
  const progress = createProgress({
    stream,
    isTTY: false,
    quiet: false,
    intervalMs: 5000,
    now: () => t,
    timers: {
      setInterval: ((fn: () => void) => {
        tick = fn;
        return { unref() {} };
      }) as unknown as typeof setInterval,
      clearInterval: (() => {
        cleared = true;
      }) as unknown as typeof clearInterval,
    },
    ...opts,
  });
  return {
    progress,
    out,
    advance: (ms: number) => {
      t += ms;
      tick?.();
    },
    get cleared() {
      return cleared;
    },
    text: () => out.join(''),
  };
}

const start = (ops: string[]): RunStarted => ({
  type: 'run-started',
  version: 1,
  tool: { name: 'mc', version: '0' },
  runId: 'r',
  at: '',
  target: 'http://x',
  seed: 1,
  spec: { title: '', version: '', openapi: '3.1.0', sha256: '', source: '', errataApplied: false, errata: [], lint: [] },
  options: {},
  checks: [],
  operations: ops.map((id) => ({ operationId: id, method: 'GET', path: '/', tags: [], area: 'a' })),
});
const done = (op: string, status: 'passed' | 'failed' | 'warning' | 'errored' = 'passed'): CaseFinished => ({
  type: 'case-finished',
  caseId: `${op}/examples/0`,
  operationId: op,
  phase: 'examples',
  expectation: 'accept',
  outcomes: [{ checkId: 'c', status }],
  latency: { totalMs: 1, stream: false },
  requests: 1,
  retries: 0,
});

describe('createProgress on a CI log (not a terminal)', () => {
  it('writes a plain line at most once per interval', () => {
    const h = harness({ totalCases: 4 });
    h.progress.onEvent(start(['a', 'b']));
    expect(h.out).toEqual(['[mistral-conformance] progress: 0%, ops 0/2, cases 0/4, 0 failed, 0s\n']);
    h.progress.onEvent(done('a'));
    h.progress.onEvent(done('a', 'failed'));
    expect(h.out).toHaveLength(1); // within the interval: nothing new
    h.advance(5000);
    expect(h.out[1]).toBe('[mistral-conformance] progress: 50%, ops 1/2, cases 2/4, 1 failed, 5s, ~5s left\n');
    h.advance(1000);
    expect(h.out).toHaveLength(2);
    expect(h.text()).not.toContain('\r');
    expect(h.text()).not.toContain('\x1b');
  });

  it('prints a line on events once the interval has passed, even without a timer tick', () => {
    const h = harness();
    h.progress.onEvent(start(['a']));
    h.advance(0);
    h.progress.onEvent(done('a', 'warning'));
    expect(h.out).toHaveLength(1);
  });

  it('ends with a final line when the run finishes', () => {
    const h = harness();
    h.progress.onEvent(start(['a', 'b']));
    h.progress.onEvent(done('a'));
    h.progress.onEvent({ type: 'operation-skipped', operationId: 'b', reason: 'x' });
    h.progress.onEvent({ type: 'run-finished', at: '', durationMs: 3, requests: 1, tokens: 0 });
    expect(h.out.at(-1)).toBe('[mistral-conformance] progress: 100%, ops 2/2, cases 1/1, 0 failed, 0s\n');
    h.progress.stop();
    expect(h.cleared).toBe(true);
  });

  it('shows warnings and errors of the run', () => {
    const h = harness();
    h.progress.onEvent({ type: 'log', level: 'warn', message: 'no models found' });
    h.progress.onEvent({ type: 'log', level: 'info', message: 'chatty' });
    expect(h.out).toEqual(['[mistral-conformance] warn: no models found\n']);
  });
});

describe('createProgress on a terminal', () => {
  it('redraws one line in place with a bar, counts and an estimate', () => {
    const h = harness({ isTTY: true, totalCases: 10 }, { columns: 200 });
    h.progress.onEvent(start(['a', 'b', 'c']));
    h.progress.setTotals({ casesByOperation: { a: 2, b: 3, c: 5 } });
    h.advance(1000);
    h.progress.onEvent(done('a'));
    h.progress.onEvent(done('a', 'errored'));
    h.advance(1000);
    const last = h.out.at(-1)!;
    expect(last.startsWith('\r')).toBe(true);
    expect(last.endsWith('\x1b[K')).toBe(true);
    expect(last).toBe('\r[####----------------]  20% ops 1/3 · cases 2/10 · 1 failed · 2s · ~8s left\x1b[K');
    expect(h.text()).not.toContain('\n');
  });

  it('throttles redraws between ticks', () => {
    const h = harness({ isTTY: true });
    h.progress.onEvent(start(['a']));
    const before = h.out.length;
    for (let i = 0; i < 50; i++) h.progress.onEvent(done('a'));
    expect(h.out.length).toBe(before);
    h.advance(1000);
    expect(h.out.at(-1)).toBe('\rops 1/1 · cases 50 · 0 failed · 1s\x1b[K');
  });

  it('fits the terminal width', () => {
    const h = harness({ isTTY: true, totalCases: 10 }, { columns: 30 });
    h.progress.onEvent(start(['a']));
    expect(h.out.at(-1)!.replace('\r', '').replace('\x1b[K', '').length).toBeLessThanOrEqual(29);
  });

  it('prints warnings above the bar and ends the line on stop', () => {
    const h = harness({ isTTY: true });
    h.progress.onEvent(start(['a']));
    h.progress.onEvent({ type: 'log', level: 'error', message: 'cleanup failed' });
    expect(h.out.slice(-2)).toEqual(['\r\x1b[Kerror: cleanup failed\n', '\rops 0/1 · cases 0 · 0 failed · 0s\x1b[K']);
    h.progress.stop();
    expect(h.out.at(-1)).toBe('\n');
    h.progress.stop();
    expect(h.out.at(-1)).toBe('\n');
    expect(h.out.filter((s) => s === '\n')).toHaveLength(1);
  });
});

describe('createProgress, quiet and failure-proof', () => {
  it('writes nothing when quiet', () => {
    const h = harness({ quiet: true, isTTY: true });
    const events: RunEvent[] = [
      start(['a']),
      done('a', 'failed'),
      { type: 'log', level: 'error', message: 'x' },
      { type: 'run-finished', at: '', durationMs: 1, requests: 1, tokens: 0 },
    ];
    for (const e of events) h.progress.onEvent(e);
    h.advance(10_000);
    h.progress.stop();
    expect(h.out).toEqual([]);
  });

  it('never throws when the stream does, and then stays silent', () => {
    let calls = 0;
    const stream = {
      write: () => {
        calls++;
        throw new Error('EPIPE');
      },
    } as unknown as NodeJS.WritableStream;
    const p = createProgress({ stream, isTTY: false, quiet: false, intervalMs: 1 });
    expect(() => {
      p.onEvent(start(['a']));
      p.onEvent(done('a'));
      p.onEvent({ type: 'run-finished', at: '', durationMs: 1, requests: 1, tokens: 0 });
      p.stop();
    }).not.toThrow();
    expect(calls).toBe(1);
  });

  it('switches off when the stream reports an error', () => {
    const handlers: Array<() => void> = [];
    const h = harness({}, { on: (_: string, fn: () => void) => handlers.push(fn), off: () => undefined });
    h.progress.onEvent(start(['a']));
    handlers.forEach((fn) => fn());
    h.advance(10_000);
    h.progress.onEvent({ type: 'run-finished', at: '', durationMs: 1, requests: 1, tokens: 0 });
    expect(h.out).toHaveLength(1);
  });

  it('survives odd events', () => {
    const h = harness();
    expect(() => h.progress.onEvent({ type: 'nonsense' } as unknown as RunEvent)).not.toThrow();
    expect(() => h.progress.onEvent({ type: 'case-finished' } as unknown as RunEvent)).not.toThrow();
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [59_400, '59s'],
    [61_000, '1m01s'],
    [3_725_000, '1h02m'],
  ])('%i ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
