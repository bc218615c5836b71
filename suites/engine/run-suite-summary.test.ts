// The spec summary (with its lint, hundreds of validator compilations) is computed after discovery,
// so the first request does not wait for it, and still arrives in run-started.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../openapi/load-spec.js';
import type { RunEvent, SpecSummary } from './events.js';
import { runSuite } from './run-suite.js';
import type { Transport } from './transport/http-client.js';
import { PASS_POLICY, TEST_RUN_OPTIONS } from './test-support/run-options.js';
import type { Exchange } from './types.js';

const DOC = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: { '/v1/models': { get: { operationId: 'list', responses: { '200': { description: 'ok' } } } } },
};
const options = TEST_RUN_OPTIONS;
const policy = PASS_POLICY;
const summary: SpecSummary = {
  title: 't',
  version: '1',
  openapi: '3.1.0',
  sha256: '',
  source: 'x',
  errataApplied: false,
  errata: [],
  lint: [{ rule: 'r', pointer: '#/', message: 'm' }],
};

describe('runSuite spec summary', () => {
  it('computes a summary given as a function after discovery has sent its request, once, into run-started', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-summary-'));
    try {
      const file = join(dir, 'spec.json');
      writeFileSync(file, JSON.stringify(DOC));
      const spec = await loadSpec(file);
      let sent = 0;
      const calls: number[] = [];
      const exchange: Exchange = {
        request: { method: 'GET', url: 'http://x/v1/models', headers: {} },
        response: { status: 200, headers: {}, contentType: 'application/json', bodyText: '{}', bytes: 2, truncated: false, json: {} },
        timing: { startedAt: 0, totalMs: 1 },
        retries: 0,
      };
      const transport: Transport = {
        send: async () => {
          sent++;
          return exchange;
        },
        requestCount: 0,
        close: async () => undefined,
      };
      const events: RunEvent[] = [];
      await runSuite({
        spec,
        specSummary: () => {
          calls.push(sent);
          return summary;
        },
        options,
        transport,
        plugins: [
          {
            name: 'discovery',
            prepare: async (ctx) => void (await ctx.send({ method: 'GET', path: '/v1/models', query: [], headers: {}, auth: { kind: 'default' } })),
          },
        ],
        checks: [],
        policy,
        listeners: [(e) => events.push(e)],
        tool: { name: 't', version: '0' },
      });
      expect(calls).toEqual([1]);
      const started = events.find((e) => e.type === 'run-started');
      expect(started?.type === 'run-started' && started.spec).toEqual(summary);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists the options in run-started without the API key or credentials given as extra headers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-options-'));
    try {
      const file = join(dir, 'spec.json');
      writeFileSync(file, JSON.stringify(DOC));
      const spec = await loadSpec(file);
      const transport: Transport = {
        send: async () => {
          throw new Error('nothing is sent');
        },
        requestCount: 0,
        close: async () => undefined,
      };
      const events: RunEvent[] = [];
      const secret = {
        ...options,
        apiKey: 'sk-main-key-1234',
        authHeader: { name: 'X-Gw-Key' },
        extraHeaders: { Authorization: 'Bearer gw-token-5678', 'X-Gw-Key': 'gw-key-9999', 'X-Team': 'blue' },
      };
      await runSuite({
        spec,
        specSummary: summary,
        options: secret,
        transport,
        plugins: [],
        checks: [],
        policy,
        listeners: [(e) => events.push(e)],
        tool: { name: 't', version: '0' },
      });
      const started = events.find((e) => e.type === 'run-started');
      const text = JSON.stringify(started);
      for (const s of ['sk-main-key-1234', 'gw-token-5678', 'gw-key-9999']) expect(text).not.toContain(s);
      expect(started?.type === 'run-started' && started.options.extraHeaders).toEqual({
        Authorization: 'Bearer [REDACTED]',
        'X-Gw-Key': '[REDACTED]',
        'X-Team': 'blue',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
