import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createPacer } from '../../engine/transport/pacing.js';
import { pacedFetch } from './paced-fetch.js';

describe('pacedFetch (the client probe through the run pacer)', () => {
  it('retries a 429 after Retry-After and returns the final answer', async () => {
    let n = 0;
    const server = createServer((req, res) => {
      n++;
      if (n === 1) {
        res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' }).end('{"message":"slow down"}');
        return;
      }
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ echoed: body })));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/x`;
    const f = pacedFetch(createPacer({ concurrency: 1 }), { timeScale: 0.01 });
    const res = await f(new Request(url, { method: 'POST', body: 'payload' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ echoed: 'payload' });
    expect(n).toBe(2);
    server.close();
  });
  it('gives up after the retry budget and returns the 429', async () => {
    const server = createServer((_req, res) => res.writeHead(429, { 'retry-after': '1' }).end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/x`;
    const res = await pacedFetch(undefined, { maxRetries: 2, timeScale: 0.001 })(url);
    expect(res.status).toBe(429);
    server.close();
  });
});
