import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { readCapped } from './byte-source.js';
import { createHttpClient, DECODED_FLOOR, MAX_CHUNK, MAX_COMPRESSION_RATIO, type HttpClient } from './http-request.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  socket: Socket;
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse, seen: Seen[]) => void): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, socket: req.socket });
      handler(req, res, seen);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function client(): HttpClient {
  const c = createHttpClient();
  closers.push(async () => c.close());
  return c;
}

async function text(c: HttpClient, url: string, init: Parameters<HttpClient['request']>[1] = { method: 'GET', headers: {} }) {
  const res = await c.request(url, init);
  const body = await readCapped(res.body, 1 << 24);
  return { ...res, text: Buffer.from(body.data).toString() };
}

describe('http client on node:http', () => {
  it('reuses one keep-alive connection for requests one after the other', async () => {
    const s = await serve((_q, res) => res.end('ok'));
    const c = client();
    await text(c, `${s.url}/a`);
    await text(c, `${s.url}/b`);
    expect(s.seen).toHaveLength(2);
    expect(s.seen[0]!.socket).toBe(s.seen[1]!.socket);
  });

  it('sends again on a fresh connection when a reused one breaks before any answer', async () => {
    const perSocket = new Map<Socket, number>();
    const s = await serve((q, res) => {
      const n = (perSocket.get(q.socket) ?? 0) + 1;
      perSocket.set(q.socket, n);
      // The second request on a kept-alive connection finds it closed (as after a server's idle timeout).
      if (n === 2) q.socket.destroy();
      else res.end('ok');
    });
    const c = client();
    await text(c, `${s.url}/a`);
    const r = await text(c, `${s.url}/b`);
    expect(r.status).toBe(200);
    expect(r.text).toBe('ok');
    expect(s.seen.map((x) => x.url)).toEqual(['/a', '/b', '/b']);
    expect(s.seen[2]!.socket).not.toBe(s.seen[0]!.socket);
  });

  it('does not send again when a fresh connection breaks', async () => {
    const s = await serve((q) => q.socket.destroy());
    await expect(client().request(s.url, { method: 'GET', headers: {} })).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(s.seen).toHaveLength(1);
  });

  it('follows no redirect (like fetch with redirect: manual)', async () => {
    const s = await serve((q, res) => {
      if (q.url === '/from') res.writeHead(302, { location: '/to' }).end();
      else res.end('target');
    });
    const r = await text(client(), `${s.url}/from`);
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe('/to');
    expect(s.seen).toHaveLength(1);
  });

  it('undoes gzip and deflate, and asks for them as fetch does', async () => {
    const s = await serve((_q, res) => res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' }).end(gzipSync('{"a":1}')));
    const r = await text(client(), s.url);
    expect(r.text).toBe('{"a":1}');
    expect(s.seen[0]!.headers['accept-encoding']).toBe('gzip, deflate');
  });

  it('cuts off a decompression bomb once it decodes past its ratio, and lets a real compressed answer through', async () => {
    const bomb = gzipSync(Buffer.alloc(16 * 1024 * 1024));
    const real = Buffer.from(JSON.stringify({ data: Array.from({ length: 100_000 }, (_, i) => ({ index: i, value: (i * 7919) % 10007 })) }));
    const s = await serve((q, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' }).end(q.url === '/bomb' ? bomb : gzipSync(real)),
    );
    const c = client();
    const cut = await readCapped((await c.request(`${s.url}/bomb`, { method: 'GET', headers: {} })).body, 1024 * 1024 * 1024);
    expect((cut.error as Error).name).toBe('DecompressionLimitError');
    // Received at once on loopback: it decodes up to the ratio times what arrived, not 64 MiB.
    expect(cut.total).toBeLessThan(MAX_COMPRESSION_RATIO * bomb.byteLength + MAX_CHUNK);
    const ok = await readCapped((await c.request(`${s.url}/real`, { method: 'GET', headers: {} })).body, 64 * 1024 * 1024);
    expect(ok.error).toBeUndefined();
    expect(Buffer.from(ok.data).equals(real)).toBe(true);
    expect(real.byteLength).toBeGreaterThan(DECODED_FLOOR);
  });

  it('sends a body with its length, and content-length 0 for a POST without one', async () => {
    const s = await serve((_q, res) => res.end());
    const c = client();
    await text(c, s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"é":1}' });
    await text(c, s.url, { method: 'POST', headers: {} });
    expect(s.seen[0]!.body).toBe('{"é":1}');
    expect(s.seen[0]!.headers['content-length']).toBe(String(Buffer.byteLength('{"é":1}')));
    expect(s.seen[1]!.headers['content-length']).toBe('0');
  });

  it('joins repeated response headers and hands out chunks of at most 64 KiB', async () => {
    const big = Buffer.alloc(3 * MAX_CHUNK + 10, 'x');
    const s = await serve((_q, res) => {
      res.setHeader('x-multi', ['a', 'b']);
      res.end(big);
    });
    const res = await client().request(s.url, { method: 'GET', headers: {} });
    expect(res.headers['x-multi']).toBe('a, b');
    let total = 0;
    for (let chunk = await res.body.next(); chunk; chunk = await res.body.next()) {
      expect(chunk.byteLength).toBeLessThanOrEqual(MAX_CHUNK);
      total += chunk.byteLength;
    }
    expect(total).toBe(big.byteLength);
  });

  it('rejects when the signal aborts before the answer', async () => {
    const s = await serve(() => undefined);
    const controller = new AbortController();
    const pending = client().request(s.url, { method: 'GET', headers: {}, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
