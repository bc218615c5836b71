import { afterEach, describe, expect, it } from 'vitest';
import type { RequestSpec } from '../types.js';
import { createTransport } from './http-client.js';
import { createPacer } from './pacing.js';
import { baseOptions, startServer, type TestServer } from './test-support.js';

let server: TestServer | undefined;
afterEach(async () => server?.close());
const get: RequestSpec = { method: 'GET', path: '/v1/models', query: [], headers: {}, auth: { kind: 'default' } };

describe('createPacer', () => {
  it('never lets more than R requests arrive in any one-second window (measured at the server)', async () => {
    server = await startServer((_q, res) => void res.end('{}'));
    const R = 5;
    const t = createTransport({ ...baseOptions, baseUrl: server.url, pacer: createPacer({ concurrency: 8, ratePerSecond: R }) });
    await Promise.all(Array.from({ length: 14 }, () => t.send(get)));
    const at = server.received.map((r) => r.at).sort((a, b) => a - b);
    expect(at).toHaveLength(14);
    for (let i = 0; i < at.length; i++) {
      const inWindow = at.filter((x) => x >= at[i]! && x < at[i]! + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(R);
    }
    // The first burst may use the whole budget at once.
    expect(at.filter((x) => x < at[0]! + 500).length).toBe(R);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let active = 0;
    let peak = 0;
    server = await startServer((_q, res) => {
      active++;
      peak = Math.max(peak, active);
      setTimeout(() => {
        active--;
        res.end('{}');
      }, 30);
    });
    const pacer = createPacer({ concurrency: 3 });
    const t = createTransport({ ...baseOptions, baseUrl: server.url, pacer });
    await Promise.all(Array.from({ length: 12 }, () => t.send(get)));
    expect(peak).toBe(3);
    expect(pacer.inFlight).toBe(0);
    expect(pacer.waiting).toBe(0);
  });

  it('grants in order, ignores double releases, and lets a waiter abort', async () => {
    const pacer = createPacer({ concurrency: 1 });
    const first = await pacer.acquire();
    const order: number[] = [];
    const ac = new AbortController();
    const aborted = pacer.acquire(ac.signal).then(
      () => 'granted',
      () => 'aborted',
    );
    const second = pacer.acquire().then((r) => {
      order.push(2);
      return r;
    });
    ac.abort();
    expect(await aborted).toBe('aborted');
    first();
    first();
    const release2 = await second;
    expect(order).toEqual([2]);
    expect(pacer.inFlight).toBe(1);
    release2();
    await new Promise((r) => setTimeout(r, 0));
    expect(pacer.inFlight).toBe(0);
  });

  it('withholds grants beyond the budget until a full window has passed', async () => {
    const pacer = createPacer({ concurrency: 5, ratePerSecond: 4, marginMs: 0 });
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, () =>
        pacer.acquire().then((r) => {
          times.push(performance.now());
          r();
        }),
      ),
    );
    // 4 at once, then the next ones only a full window after the first grants.
    expect(times[4]! - times[0]!).toBeGreaterThanOrEqual(999);
  });
});
