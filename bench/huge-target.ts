// A hostile target for the memory figure: every JSON answer is a 1 GiB body and every streamed
// answer never ends. The suite must cut both off at its caps instead of buffering them.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const HUGE_BODY_BYTES = 1024 * 1024 * 1024;

const FILLER = Buffer.alloc(64 * 1024, 'a');
const SSE_BATCH = Buffer.from(
  Array.from(
    { length: 200 },
    () => 'data: {"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"a"},"finish_reason":null}]}\n\n',
  ).join(''),
);

/** Writes `chunk` whenever the socket can take more, until `more()` says stop or the client leaves. */
function pump(res: ServerResponse, chunk: () => Buffer | undefined, end: () => void): void {
  const write = (): void => {
    for (;;) {
      if (res.destroyed) return;
      const c = chunk();
      if (!c) return end();
      if (!res.write(c)) return void res.once('drain', write);
    }
  };
  res.on('close', () => res.removeAllListeners('drain'));
  write();
}

export interface HugeTarget {
  url: string;
  close(): Promise<void>;
}

export async function startHugeTarget(): Promise<HugeTarget> {
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.length < 64 && parts.push(c));
    req.on('end', () => {
      const body = Buffer.concat(parts).toString('utf8');
      if (/"stream"\s*:\s*true/.test(body)) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        pump(
          res,
          () => SSE_BATCH,
          () => res.end(),
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(HUGE_BODY_BYTES) });
      let sent = 0;
      res.write('{"data":"');
      sent += 9;
      pump(
        res,
        () => {
          const left = HUGE_BODY_BYTES - 2 - sent;
          if (left <= 0) return undefined;
          const c = left >= FILLER.length ? FILLER : FILLER.subarray(0, left);
          sent += c.length;
          return c;
        },
        () => res.end('"}'),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
