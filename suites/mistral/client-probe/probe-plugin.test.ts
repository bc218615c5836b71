import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AfterCasesResult, RunOptions } from '../../engine/types.js';
import { createRedactor } from '../../engine/secrets/redactor.js';
import { clientProbe } from './probe-plugin.js';

const KEY = 'sk-probe-secret-0123456789abcdef';
let server: Server;
let url = '';

// A server that refuses every call and quotes the credentials it was sent in the error body.
beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: `Invalid key: ${req.headers.authorization ?? ''}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function options(apiKey: string): RunOptions {
  return {
    target: url,
    seed: 1,
    runs: 1,
    include: [],
    exclude: [],
    phases: ['probe'],
    timeoutMs: 5000,
    apiKey,
    apiKeyEnv: 'MC_KEY',
    extraHeaders: {},
    maxResponseBytes: 1 << 20,
    concurrency: 1,
    errata: true,
    readOnly: true,
    userAgent: 'test',
    streamIdleTimeoutMs: 5000,
    streamTotalTimeoutMs: 5000,
    maxStreamBytes: 1 << 20,
  };
}

describe('client probe plugin', () => {
  it('records a failed row per call, with the API key quoted by the server redacted', async () => {
    const probe = clientProbe(() => ({ models: [], chatModel: 'mistral-small-latest', maxTokens: 16, k: 1 }));
    const rows: AfterCasesResult[] = [];
    await probe.run({ options: options(KEY), record: (r) => rows.push(r), redact: (t) => createRedactor([KEY]).text(t) });
    const failed = rows.filter((r) => r.outcomes[0]?.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]?.outcomes[0]?.message).toMatch(/HTTP 401/);
    expect(JSON.stringify(rows)).not.toContain(KEY);
    expect(JSON.stringify(rows)).toContain('[REDACTED]');
  });
});
