// A pass-through proxy that records the requests the suite sends, so that the bare load generator
// replays the same endpoints with the same mix of valid and invalid requests (the fair ceiling).
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface RecordingProxy {
  url: string;
  recorded: RecordedRequest[];
  close(): Promise<void>;
}

// Hop-by-hop and length headers are recomputed by whoever sends the request again.
const DROP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

export function replayableHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined || DROP.has(k)) continue;
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

export async function startRecordingProxy(target: string, limit = 20_000): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const recorded: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers = replayableHeaders(req.headers);
      if (recorded.length < limit) recorded.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers, ...(body.length ? { body } : {}) });
      const out = httpRequest(
        { hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...headers, 'content-length': String(body.length) } },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      out.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    recorded,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
