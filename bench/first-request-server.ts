// A target that only notes when its first request arrives: the suite's start-up time is from the
// command's start to that moment (process start, imports, spec load, lint, planning up to the first send).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nowMs } from './cli-child.js';

export interface FirstRequestServer {
  url: string;
  /** Resolves with the time (ms since the epoch, fractional) of the first request. */
  firstRequest: Promise<number>;
  close(): Promise<void>;
}

export async function startFirstRequestServer(): Promise<FirstRequestServer> {
  let mark: ((at: number) => void) | undefined;
  const firstRequest = new Promise<number>((resolve) => (mark = resolve));
  const server = createServer((req, res) => {
    const at = nowMs();
    mark?.(at);
    mark = undefined;
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"object":"list","data":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    firstRequest,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
