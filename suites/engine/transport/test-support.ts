// Helpers for the transport's tests: a loopback HTTP server that records what it received and lets each
// test script the answer, and a tiny multipart parser to compare what different clients sent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  at: number;
}

export interface TestServer {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer, index: number) => void | Promise<void>;

export async function startServer(handler: Handler): Promise<TestServer> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const index = received.length;
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, at: performance.now() });
      void Promise.resolve(handler(req, res, body, index)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface ParsedPart {
  name: string;
  filename?: string;
  contentType?: string;
  content: Buffer;
}

export function parseMultipart(contentType: string, body: Buffer): ParsedPart[] {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!m) throw new Error(`no boundary in ${contentType}`);
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`);
  const parts: ParsedPart[] = [];
  let at = body.indexOf(boundary);
  while (at >= 0) {
    const start = at + boundary.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(boundary, start);
    if (next < 0) break;
    const chunk = body.subarray(start + 2, next - 2); // skip CRLF after boundary and before the next one
    const split = chunk.indexOf('\r\n\r\n');
    const head = chunk.subarray(0, split).toString();
    const part: ParsedPart = { name: /name="([^"]*)"/.exec(head)?.[1] ?? '', content: chunk.subarray(split + 4) };
    const fn = /filename="([^"]*)"/.exec(head);
    if (fn) part.filename = fn[1]!;
    const ct = /content-type:\s*([^\r\n]+)/i.exec(head);
    if (ct) part.contentType = ct[1]!.trim();
    parts.push(part);
    at = next;
  }
  return parts;
}

export const baseOptions = {
  userAgent: 'mistral-conformance/test',
  timeoutMs: 5000,
  maxResponseBytes: 1024 * 1024,
  streamIdleTimeoutMs: 5000,
  streamTotalTimeoutMs: 20_000,
  maxStreamBytes: 1024 * 1024,
};
