import { afterEach, describe, expect, it } from 'vitest';
import type { RequestSpec } from '../types.js';
import { createTransport } from './http-client.js';
import { createRetryPolicy, parseResetValue, parseRetryAfter, rateLimitResetMs, retryDelay } from './retry.js';
import { mulberry32 } from '../stable-random.js';
import { baseOptions, startServer, type TestServer } from './test-support.js';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const noJitter = createRetryPolicy({ jitterRatio: 0 });
const zero = () => 0;

describe('retryDelay', () => {
  it('honours Retry-After in seconds and as an HTTP date', () => {
    expect(retryDelay({ 'retry-after': '3' }, 1, noJitter, zero, NOW)).toMatchObject({ delayMs: 3000, source: 'retry-after' });
    expect(retryDelay({ 'retry-after': new Date(NOW + 5000).toUTCString() }, 1, noJitter, zero, NOW).delayMs).toBe(5000);
  });

  it('uses the reset of the exhausted rate-limit budget', () => {
    const headers = {
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': '2s',
      'x-ratelimit-remaining-tokens': '500',
      'x-ratelimit-reset-tokens': '40s',
    };
    expect(retryDelay(headers, 1, noJitter, zero, NOW)).toMatchObject({ delayMs: 2000, source: 'ratelimit-reset' });
    // Mistral's own names.
    expect(retryDelay({ 'ratelimitbysize-remaining': '0', 'ratelimitbysize-reset': '7' }, 1, noJitter, zero, NOW).delayMs).toBe(7000);
    // Nothing exhausted: the reset says nothing about this 429, back off instead.
    expect(retryDelay({ 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '40' }, 1, noJitter, zero, NOW).source).toBe('backoff');
  });

  it('backs off exponentially without hints, capped per retry', () => {
    const p = createRetryPolicy({ jitterRatio: 0, baseDelayMs: 1000, maxDelayMs: 5000 });
    expect([1, 2, 3, 4].map((a) => retryDelay({}, a, p, zero).delayMs)).toEqual([1000, 2000, 4000, 5000]);
    expect(retryDelay({ 'retry-after': '3600' }, 1, p, zero)).toMatchObject({ delayMs: 5000, requestedMs: 3_600_000 });
  });

  it('adds jitter only upwards, deterministically per seed, and scales waits', () => {
    const p = createRetryPolicy({ jitterRatio: 0.5 });
    const a = mulberry32(42);
    const b = mulberry32(42);
    const da = [1, 2, 3].map((n) => retryDelay({ 'retry-after': '1' }, n, p, a).delayMs);
    const db = [1, 2, 3].map((n) => retryDelay({ 'retry-after': '1' }, n, p, b).delayMs);
    expect(da).toEqual(db);
    for (const d of da) expect(d).toBeGreaterThanOrEqual(1000);
    expect(new Set(da).size).toBeGreaterThan(1);
    expect(retryDelay({ 'retry-after': '2' }, 1, createRetryPolicy({ jitterRatio: 0, timeScale: 0.01 }), zero).delayMs).toBe(20);
  });

  it('parses the header forms', () => {
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseResetValue('6m0s', NOW)).toBe(360_000);
    expect(parseResetValue('20ms', NOW)).toBe(20);
    expect(parseResetValue(String(NOW / 1000 + 9), NOW)).toBe(9000);
    expect(parseResetValue(String(NOW + 4000), NOW)).toBe(4000);
    expect(parseResetValue('later', NOW)).toBeUndefined();
    expect(rateLimitResetMs({ 'x-ratelimit-reset': '3' }, NOW)).toBe(3000);
    expect(rateLimitResetMs({}, NOW)).toBeUndefined();
  });
});

describe('retries through the transport', () => {
  let server: TestServer | undefined;
  afterEach(async () => server?.close());
  const get: RequestSpec = { method: 'GET', path: '/v1/models', query: [], headers: {}, auth: { kind: 'default' } };

  it('retries 429 (Retry-After: 1 on every third request) and honours the wait, scaled', async () => {
    server = await startServer((_q, res, _b, i) => {
      if (i % 3 === 2) {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
        res.end('{"message":"Requests rate limit exceeded"}');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      }
    });
    const t = createTransport({ ...baseOptions, baseUrl: server.url, retry: { timeScale: 0.05, seed: 1 } });
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await t.send(get));
    expect(results.map((e) => e.response!.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(results.map((e) => e.retries)).toEqual([0, 0, 1, 0, 1, 0]);
    expect(t.requestCount).toBe(8);
    // The retry came no earlier than Retry-After (scaled: 1 s × 0.05).
    const r = server.received;
    expect(r[3]!.at - r[2]!.at).toBeGreaterThanOrEqual(49);
  });

  it('gives up after maxRetries and returns the last 429', async () => {
    server = await startServer((_q, res) => {
      res.writeHead(503, { 'retry-after': '0' });
      res.end();
    });
    const t = createTransport({ ...baseOptions, baseUrl: server.url, retry: { maxRetries: 2 } });
    const ex = await t.send(get);
    expect(ex.response!.status).toBe(503);
    expect(ex.retries).toBe(2);
    expect(server.received).toHaveLength(3);
  });

  it('does not retry without a policy, nor other statuses', async () => {
    server = await startServer((_q, res, _b, i) => {
      res.writeHead(i === 0 ? 429 : 500);
      res.end();
    });
    expect((await createTransport({ ...baseOptions, baseUrl: server.url }).send(get)).retries).toBe(0);
    expect((await createTransport({ ...baseOptions, baseUrl: server.url, retry: {} }).send(get)).retries).toBe(0);
    expect(server.received).toHaveLength(2);
  });
});
