// The client probe reads through the transport's bounds: a 1 GiB answer, a gzip bomb and an endless
// stream end at the caps and timeouts as failures of the call (they once took 2.3 GB, 10.9 GB and
// never ended), and a read-only run sends the SDK's GET calls only.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AfterCasesResult, RunOptions } from '../../engine/types.js';
import { clientProbe } from './probe-plugin.js';

const FILLER = Buffer.alloc(64 * 1024, 'a');
const BOMB = gzipSync(Buffer.alloc(32 * 1024 * 1024, '{'));
let server: Server;
let url = '';
let sent = 0;
const methods: string[] = [];

/** Writes forever (until the client goes), counting what left the server. */
function endless(res: ServerResponse, piece: Buffer): void {
  const write = (): void => {
    while (!res.destroyed) {
      sent += piece.byteLength;
      if (!res.write(piece)) return void res.once('drain', write);
    }
  };
  res.on('close', () => res.removeAllListeners('drain'));
  write();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    methods.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      if (path === '/v1/models' || path === '/v1/embeddings') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(1024 ** 3) });
        res.write('{"data":"');
        return endless(res, FILLER);
      }
      if (path === '/v1/chat/completions' && req.headers.accept?.includes('text/event-stream')) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        return endless(
          res,
          Buffer.from(
            'data: {"id":"x","object":"chat.completion.chunk","model":"m","created":1,"choices":[{"index":0,"delta":{"content":"a"},"finish_reason":null}]}\n\n',
          ),
        );
      }
      sent += BOMB.byteLength;
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(BOMB);
    });
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

function options(readOnly: boolean): RunOptions {
  return {
    target: url,
    seed: 1,
    runs: 1,
    include: [],
    exclude: [],
    phases: ['probe'],
    timeoutMs: 20_000,
    apiKey: 'sk-bounded-probe-key',
    apiKeyEnv: 'MC_KEY',
    extraHeaders: {},
    maxResponseBytes: 1 << 20,
    concurrency: 1,
    errata: true,
    readOnly,
    userAgent: 'test',
    streamIdleTimeoutMs: 5_000,
    streamTotalTimeoutMs: 300,
    maxStreamBytes: 4 << 20,
  };
}

async function probe(readOnly: boolean): Promise<Map<string, AfterCasesResult>> {
  const rows = new Map<string, AfterCasesResult>();
  const work = clientProbe(() => ({ models: [], chatModel: 'm', embedModel: 'mistral-embed', maxTokens: 8, k: 1 }));
  await work.run({ options: options(readOnly), record: (r) => rows.set(r.operationId, r), redact: (t) => t });
  return rows;
}

describe('client probe against a hostile target', () => {
  it('ends a 1 GiB answer, a gzip bomb and an endless stream at the caps, each a failed call', async () => {
    sent = 0;
    const rows = await probe(false);
    const message = (id: string): string => rows.get(id)?.outcomes[0]?.message ?? '';
    expect(rows.get('sdk.models.list')?.outcomes[0]?.status).toBe('failed');
    expect(message('sdk.models.list')).toMatch(/exceeded 1048576 bytes/);
    expect(message('sdk.embeddings.create')).toMatch(/exceeded 1048576 bytes/);
    expect(message('sdk.chat.complete')).toMatch(/decompression bomb|exceeded 1048576 bytes/);
    expect(message('sdk.chat.stream')).toMatch(/still open after 300 ms|exceeded 4194304 bytes/);
    // What the server got to send before the client hung up: caps and socket buffers, not gigabytes.
    expect(sent).toBeLessThan(256 * 1024 * 1024);
  });

  it('sends only GET in a read-only run: POST and DELETE calls are skipped, not sent', async () => {
    methods.length = 0;
    const rows = await probe(true);
    expect(methods.every((m) => m.startsWith('GET '))).toBe(true);
    expect(methods.length).toBeGreaterThan(0);
    for (const id of ['sdk.chat.complete', 'sdk.chat.stream', 'sdk.chat.tools', 'sdk.embeddings.create', 'sdk.files.upload', 'sdk.files.delete'])
      expect(rows.get(id)?.outcomes[0], id).toMatchObject({ status: 'skipped', message: expect.stringMatching(/^read-only run/) });
  });
});
