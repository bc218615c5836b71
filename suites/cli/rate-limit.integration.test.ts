// Issue 9, pacing against a rate-limited provider: the reference server answers every third request
// 429 with Retry-After. The run must wait as told, retry, report the retries, count no failure for
// them, and never send more than --rate-limit requests in any second, as measured at the server.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference-server/index.js';
import type { RunResults } from '../engine/results.js';
import { makeTempDir, maxInWindow, readEvents, readReport, runCli, type CliRun } from './integration-support.js';

const KEY = 'sk-rate-limit-test-5151';
const RATE = 6;
let server: ReferenceServer;
let temp: { dir: string; remove: () => Promise<void> };
let run: CliRun;
let report: RunResults;

beforeAll(async () => {
  server = await startReferenceServer({ apiKey: KEY, rateLimit: { every: 3, retryAfterSeconds: 1 } });
  temp = await makeTempDir('rate');
  process.env.MC_RATE_KEY = KEY;
  run = await runCli([
    'run',
    '--target',
    server.url,
    '--api-key-env',
    'MC_RATE_KEY',
    '--report-dir',
    temp.dir,
    '--quiet',
    '--include',
    'models',
    '--phases',
    'examples,positive,negative,auth',
    '--runs',
    '2',
    '--seed',
    '3',
    '--concurrency',
    '4',
    '--rate-limit',
    String(RATE),
  ]);
  report = await readReport(temp.dir);
}, 180_000);

afterAll(async () => {
  delete process.env.MC_RATE_KEY;
  await server?.close();
  await temp?.remove();
});

describe('a provider that rate-limits every third request', () => {
  it('completes with no failure: 429s that were retried are not findings', () => {
    const failing = report.operations.flatMap((o) =>
      o.checks.filter((c) => c.failed + c.errored + c.warnings > 0).map((c) => `${o.operationId} ${c.checkId}: ${c.failures[0]?.message}`),
    );
    expect(failing).toEqual([]);
    expect(run.code, run.stderr).toBe(0);
    expect(report.summary.verdict).toBe('pass');
    expect(report.summary.complete).toBe(true);
  });

  it('really was rate-limited, retried, and says so in the report', async () => {
    const limited = server.log.filter((e) => e.status === 429).length;
    expect(limited).toBeGreaterThan(3);
    expect(report.summary.retries).toBeGreaterThan(0);
    // Discovery requests retry too but belong to no case: the cases' retries are at most the 429s.
    expect(report.summary.retries).toBeLessThanOrEqual(limited);
    // Every answer the checks saw was the retried one, never the 429.
    const events = await readEvents(temp.dir);
    const cases = events.filter((e) => e.type === 'case-finished');
    expect(cases.some((e) => e.retries > 0)).toBe(true);
    expect(await readFile(join(temp.dir, 'summary.md'), 'utf8')).toMatch(/retr/i);
  });

  it(`never lets more than ${RATE} requests reach the server in any one-second window`, () => {
    const times = server.log.map((e) => e.at);
    expect(times.length).toBeGreaterThan(RATE * 2);
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(RATE);
  });
});

describe('maxInWindow (the measure above)', () => {
  it('counts the busiest one-second window', () => {
    expect(maxInWindow([0, 100, 200, 999, 1000, 1500], 1000)).toBe(4);
    expect(maxInWindow([0, 1000, 2000], 1000)).toBe(1);
    expect(maxInWindow([], 1000)).toBe(0);
  });
});
