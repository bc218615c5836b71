import { describe, expect, it } from 'vitest';
import { createPacer } from './pacing.js';
import { createRateWindow } from './rate-window.js';

describe('createRateWindow', () => {
  it('is absent without a rate', () => {
    expect(createRateWindow(undefined, 5)).toBeUndefined();
    expect(createRateWindow(0, 5)).toBeUndefined();
  });

  it('grants R at once, then waits for the oldest grant to be a full window old, counted from its stamp', () => {
    const w = createRateWindow(2, 5)!;
    expect(w.wait(0)).toBe(0);
    const a = w.grant();
    const b = w.grant();
    // Neither has an answer yet: the window of the oldest has not started.
    expect(w.wait(0)).toBe(Infinity);
    w.stamp(a, 100);
    w.stamp(b, 300);
    expect(w.wait(600)).toBe(505);
    expect(w.wait(1105)).toBe(0);
    w.grant();
    expect(w.wait(1105)).toBe(200);
  });

  it('spaces single grants 1/R seconds apart below one per second', () => {
    const w = createRateWindow(0.5, 0)!;
    w.stamp(w.grant(), 0);
    expect(w.wait(1000)).toBe(1000);
  });
});

describe('createPacer slots', () => {
  it('hands a slot on once released, also when the request was marked sent before', async () => {
    const pacer = createPacer({ concurrency: 1 });
    const first = await pacer.acquire();
    const second = pacer.acquire();
    expect(pacer.waiting).toBe(1);
    first.sent();
    // The answer takes a while after its headers came.
    await new Promise((r) => setImmediate(r));
    first();
    first();
    const next = await second;
    expect(pacer.inFlight).toBe(1);
    next();
    expect(pacer.inFlight).toBe(0);
  });

  it('drops a waiter whose signal aborts', async () => {
    const pacer = createPacer({ concurrency: 1 });
    const first = await pacer.acquire();
    const controller = new AbortController();
    const waiting = pacer.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(pacer.waiting).toBe(0);
    first();
  });
});
