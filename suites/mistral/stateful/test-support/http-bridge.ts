// Serves msw handlers over a real HTTP server on 127.0.0.1 (port 0), so external programs (curl in the
// chain-script test) can talk to the same fake the in-process tests use.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type HttpHandler } from 'msw';

export async function serveHandlers(makeHandlers: (base: string) => HttpHandler[]): Promise<{ url: string; close: () => Promise<void> }> {
  let handlers: HttpHandler[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = chunks.length ? Buffer.concat(chunks) : undefined;
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
        const request = new Request(`${url}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(body && req.method !== 'GET' ? { body } : {}) });
        const response = (await getResponse(handlers, request)) ?? new Response('no handler', { status: 501 });
        const out: Record<string, string> = {};
        response.headers.forEach((v, k) => (out[k] = v));
        res.writeHead(response.status, out);
        res.end(Buffer.from(await response.arrayBuffer()));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  handlers = makeHandlers(url);
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
