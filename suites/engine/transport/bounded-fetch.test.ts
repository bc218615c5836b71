import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoundedFetch, type BoundedFetchOptions } from './bounded-fetch.js';

let server: Server;
let url = '';
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    req.resume();
    if (req.url === '/big') return void res.writeHead(200, { 'content-type': 'application/json' }).end('x'.repeat(5000));
    if (req.url === '/redirect') return void res.writeHead(302, { location: '/elsewhere' }).end();
    if (req.url === '/hang') return; // never answers
    if (req.url === '/empty') return void res.writeHead(204).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

const limits: BoundedFetchOptions = { timeoutMs: 2000, maxResponseBytes: 1000, streamIdleTimeoutMs: 1000, streamTotalTimeoutMs: 2000, maxStreamBytes: 1000 };

describe('createBoundedFetch', () => {
  it('answers like fetch within the limits, and follows no redirect', async () => {
    const b = createBoundedFetch(limits);
    try {
      expect(await (await b.fetch(`${url}/ok`)).json()).toEqual({ ok: true });
      const r = await b.fetch(new Request(`${url}/redirect`));
      expect(r.status).toBe(302);
      expect(r.headers.get('location')).toBe('/elsewhere');
      expect((await b.fetch(`${url}/empty`)).status).toBe(204);
    } finally {
      b.close();
    }
  });

  it('cuts a body off at the cap with an error instead of reading it whole', async () => {
    const b = createBoundedFetch(limits);
    try {
      const r = await b.fetch(`${url}/big`);
      await expect(r.text()).rejects.toThrow(/exceeded 1000 bytes/);
    } finally {
      b.close();
    }
  });

  it('refuses a method that changes something in a read-only run, without sending it', async () => {
    const b = createBoundedFetch({ ...limits, readOnly: true });
    seen.length = 0;
    try {
      await expect(b.fetch(`${url}/ok`, { method: 'POST', body: '{}' })).rejects.toThrow(/read-only run: POST/);
      expect(seen).toEqual([]);
      expect((await b.fetch(`${url}/ok`)).status).toBe(200);
    } finally {
      b.close();
    }
  });

  it('ends a request that gets no answer: on its timeout, and at once when the run stops', async () => {
    const b = createBoundedFetch({ ...limits, timeoutMs: 100 });
    await expect(b.fetch(`${url}/hang`)).rejects.toThrow(/no complete response within 100 ms/);
    const stop = new AbortController();
    const c = createBoundedFetch({ ...limits, signal: stop.signal });
    const pending = c.fetch(`${url}/hang`);
    stop.abort();
    await expect(pending).rejects.toThrow(/the run was stopped/);
    b.close();
    c.close();
  });
});
