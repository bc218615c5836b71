// Issue 9, the client probe: `run --client-probe` drives the official SDK against the target. Against
// the reference server every call works; against a server whose models list has a wrongly typed field
// the report's client-compatibility rows name the call the SDK could not parse, and why.
import type { FaultName } from '../../fixtures/reference-server/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference-server/index.js';
import type { OperationResult, RunResults } from '../engine/results.js';
import { unparsedVariants } from '../mistral/client-probe/client-probe.js';
import { makeTempDir, readReport, runCli } from './integration-support.js';

const KEY = 'sk-probe-test-6464';
const servers: ReferenceServer[] = [];
const temps: Array<{ remove: () => Promise<void> }> = [];

async function probeRun(fault?: FaultName): Promise<{ server: ReferenceServer; report: RunResults; code: number }> {
  const server = await startReferenceServer({ apiKey: KEY, ...(fault ? { fault } : {}) });
  servers.push(server);
  const temp = await makeTempDir('probe');
  temps.push(temp);
  // Only the probe matters here: one cheap phase on one operation keeps the run short.
  const r = await runCli([
    'run',
    '--target',
    server.url,
    '--api-key-env',
    'MC_PROBE_KEY',
    '--report-dir',
    temp.dir,
    '--quiet',
    '--phases',
    'examples',
    '--include',
    'list_models_v1_models_get',
    '--client-probe',
  ]);
  return { server, report: await readReport(temp.dir), code: r.code };
}

const probeRows = (r: RunResults): OperationResult[] => r.operations.filter((o) => o.area === 'client-compatibility');
const row = (r: RunResults, id: string): OperationResult => probeRows(r).find((o) => o.operationId === id)!;

let good: { server: ReferenceServer; report: RunResults; code: number };
let bad: { server: ReferenceServer; report: RunResults; code: number };
let missing: { server: ReferenceServer; report: RunResults; code: number };

beforeAll(async () => {
  process.env.MC_PROBE_KEY = KEY;
  good = await probeRun();
  bad = await probeRun('wrong-type');
  missing = await probeRun('missing-required-field');
}, 120_000);

afterAll(async () => {
  delete process.env.MC_PROBE_KEY;
  await Promise.all(servers.map((s) => s.close()));
  await Promise.all(temps.map((t) => t.remove()));
});

describe('run --client-probe', () => {
  it('reports one client-compatibility row per SDK call, all passing against the reference server', () => {
    const rows = probeRows(good.report);
    expect(rows.map((o) => o.operationId)).toEqual(
      expect.arrayContaining(['sdk.models.list', 'sdk.chat.complete', 'sdk.chat.stream', 'sdk.files.upload', 'sdk.files.delete']),
    );
    const failing = rows.flatMap((o) => o.checks.filter((c) => c.failed + c.errored > 0).map((c) => `${o.operationId}: ${c.failures[0]?.message}`));
    expect(failing).toEqual([]);
    expect(rows.filter((o) => o.checks.some((c) => c.checkId === 'client-compatibility' && c.passed === 1)).length).toBeGreaterThanOrEqual(6);
    expect(good.report.summary.verdict).toBe('pass');
    expect(good.code).toBe(0);
  });

  it('the SDK really called the target, and deleted the file it uploaded', () => {
    expect(good.server.log.some((e) => e.method === 'POST' && e.path === '/v1/chat/completions' && e.status === 200)).toBe(true);
    expect(good.server.state.files.size).toBe(0);
  });

  it('names the call the SDK could not parse against a faulty models list, and why', () => {
    const models = row(bad.report, 'sdk.models.list').checks.find((c) => c.checkId === 'client-compatibility')!;
    expect(models.outcome).toBe('failed');
    const message = models.failures[0]!.message;
    expect(message).toMatch(/could not parse/);
    expect(message).toMatch(/created/);
    expect(bad.report.summary.verdict).toBe('fail');
    expect(bad.code).toBe(1);
    // Only the broken call fails: the other calls do not touch the models list.
    const chat = row(bad.report, 'sdk.chat.complete').checks.find((c) => c.checkId === 'client-compatibility')!;
    expect(chat.outcome).toBe('passed');
  });

  it('names the chat call whose response lacks a required field', () => {
    const chat = row(missing.report, 'sdk.chat.complete').checks.find((c) => c.checkId === 'client-compatibility')!;
    expect(chat.outcome).toBe('failed');
    expect(chat.failures[0]!.message).toMatch(/could not parse/);
    expect(chat.failures[0]!.message).toMatch(/index/);
    expect(row(missing.report, 'sdk.models.list').checks[0]!.outcome).toBe('passed');
  });
});

describe('unparsedVariants (how the probe sees what the SDK silently could not parse)', () => {
  it('finds values the SDK kept as unknown variants, with their path', () => {
    const unknown = { raw: { id: 'm', created: '1' }, type: 'UNKNOWN', isUnknown: true };
    expect(unparsedVariants({ object: 'list', data: [{ id: 'a', type: 'base' }, unknown] })).toEqual([{ path: 'data[1]', raw: { id: 'm', created: '1' } }]);
  });
  it('stays quiet on a fully parsed result', () => {
    expect(unparsedVariants({ object: 'list', data: [{ id: 'a', type: 'base', raw: 'x' }] })).toEqual([]);
  });
});
