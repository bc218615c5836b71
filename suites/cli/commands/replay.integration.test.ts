// `replay` of a failing case from a faulty run: against the embedded server with the same fault it is
// STILL FAILING (exit 1), against the conforming embedded server FIXED (exit 0), and against the
// original target (key from the environment) STILL FAILING again.
import type { FaultName } from '../../../fixtures/reference-server/index.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../../fixtures/reference-server/index.js';
import { runCli, SMALL_RUN, tempDir } from '../test-support.js';

const KEY = 'sk-replay-0123456789abcdef';
const FAULTS: Array<{ fault: FaultName; phases: string; include: string }> = [
  { fault: 'missing-required-field', phases: 'examples,positive', include: 'chat_completion_v1_chat_completions_post' },
  { fault: 'accepts-out-of-range-temperature', phases: 'coverage,negative', include: 'fim_completion_v1_fim_completions_post' },
];

const servers: ReferenceServer[] = [];
const reports = new Map<string, string>();

beforeAll(async () => {
  for (const { fault, phases, include } of FAULTS) {
    const server = await startReferenceServer({ apiKey: KEY, fault });
    servers.push(server);
    const dir = tempDir(`replay-${fault}`);
    const r = await runCli(['run', '--target', server.url, ...SMALL_RUN, '--phases', phases, '--include', include, '--report-dir', dir, '--format', 'json'], {
      MISTRAL_API_KEY: KEY,
    });
    expect(r.code).toBe(1);
    reports.set(fault, join(dir, 'report.json'));
  }
}, 120_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('replay of a failing case', () => {
  for (const { fault } of FAULTS) {
    it(`${fault}: STILL FAILING with the fault, FIXED without it`, async () => {
      const report = reports.get(fault)!;
      const still = await runCli(['replay', '--report', report, '--embedded', '--fault', fault]);
      expect(still.code, still.stdout + still.stderr).toBe(1);
      expect(still.stdout).toMatch(/^STILL FAILING {2}\S+\/\S+\/\d+ against http:\/\/127\.0\.0\.1:\d+\n/);
      const fixed = await runCli(['replay', '--report', report, '--embedded']);
      expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
      expect(fixed.stdout).toMatch(/^FIXED {2}/);
      // The same case both times: the one the report names first.
      expect(fixed.stdout.split('  ')[1]!.split(' ')[0]).toBe(still.stdout.split('  ')[1]!.split(' ')[0]);
    }, 60_000);
  }

  it('against the original target, with the key from the environment, the case still fails', async () => {
    const r = await runCli(['replay', '--report', reports.get('missing-required-field')!], { MISTRAL_API_KEY: KEY });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^STILL FAILING /);
    expect(r.stdout).toContain('response-schema-conformance');
    expect(r.stdout + r.stderr).not.toContain(KEY);
  });

  it('an unknown case or a report without failures is a one-line error (exit 2)', async () => {
    const unknown = await runCli(['replay', '--report', reports.get('missing-required-field')!, '--case', 'no/such/0', '--embedded']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(`[mistral-conformance] no failure of case no/such/0 in ${reports.get('missing-required-field')!}\n`);
    const server = await startReferenceServer({ apiKey: KEY });
    servers.push(server);
    const dir = tempDir('replay-clean');
    await runCli(
      ['run', '--target', server.url, ...SMALL_RUN, '--phases', 'examples', '--include', 'list_models_v1_models_get', '--report-dir', dir, '--format', 'json'],
      { MISTRAL_API_KEY: KEY },
    );
    const none = await runCli(['replay', '--report', join(dir, 'report.json'), '--embedded']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^\[mistral-conformance\] .* has no failure to replay\n$/);
  });
});
