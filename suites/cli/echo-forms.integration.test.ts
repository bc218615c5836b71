// Issue 15: a target that echoes the canary key in every form a server may use (fixtures/hostile-targets/
// echo-target.ts). A `--target` run with the key in the environment (the path where the reporters once
// never received it) must leave the canary in no byte it writes (every report file, the event log,
// stdout, stderr), in none of its forms, not even the first characters of it, and `credential-reflection`
// must fail on every operation whose answers carried a form.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ECHO_FORMS, startEchoTarget, type EchoTarget } from '../../fixtures/hostile-targets/echo-target.js';
import { plainForms } from '../engine/secrets/forms.js';
import type { RunResults } from '../engine/results.js';
import { makeTempDir, readReport, runCli, type CliRun } from './integration-support.js';

const CANARY = 'sk-canary-0f9e8d7c6b5a4321';
let target: EchoTarget;
let temp: { dir: string; remove: () => Promise<void> };
let run: CliRun;
let report: RunResults;
let written: Array<{ name: string; text: string }>;

async function filesIn(dir: string): Promise<Array<{ name: string; text: string }>> {
  const out: Array<{ name: string; text: string }> = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push({ name: entry.name, text: await readFile(join(entry.parentPath, entry.name), 'latin1') });
  }
  return out;
}

beforeAll(async () => {
  target = await startEchoTarget();
  temp = await makeTempDir('echo-forms');
  process.env.MC_ECHO_KEY = CANARY;
  run = await runCli([
    'run',
    '--target',
    target.url,
    '--api-key-env',
    'MC_ECHO_KEY',
    '--report-dir',
    temp.dir,
    '--phases',
    'examples,positive',
    '--runs',
    '2',
    '--client-probe',
    '--retries',
    '0',
    ...ECHO_FORMS.flatMap((f) => ['--include', f.operationId]),
  ]);
  report = await readReport(temp.dir);
  written = [...(await filesIn(temp.dir)), { name: 'stdout', text: run.stdout }, { name: 'stderr', text: run.stderr }];
}, 120_000);

afterAll(async () => {
  delete process.env.MC_ECHO_KEY;
  await target?.close();
  await temp?.remove();
});

describe('a target echoing the key in every form', () => {
  it('wrote every report', () => {
    expect(run.code, run.stderr).toBe(1);
    expect(written.map((f) => f.name).sort()).toEqual([
      '.mistral-conformance',
      'events.ndjson',
      'junit.xml',
      'report.html',
      'report.json',
      'stderr',
      'stdout',
      'summary.md',
    ]);
  });

  it('left the canary in no byte it wrote: no form of it, not its first characters, not its pieces', () => {
    const forbidden = [...plainForms(CANARY), CANARY.toLowerCase(), CANARY.slice(0, 12), CANARY.slice(13)];
    const leaks = written.flatMap((f) => forbidden.filter((form) => f.text.includes(form)).map((form) => `${f.name}: ${form}`));
    expect(leaks).toEqual([]);
    // The evidence is kept, redacted.
    expect(written.find((f) => f.name === 'report.json')!.text).toContain('[REDACTED]');
  });

  it.each(ECHO_FORMS)('credential-reflection fails on $operationId ($form)', ({ operationId }) => {
    const op = report.operations.find((o) => o.operationId === operationId);
    const check = op?.checks.find((c) => c.checkId === 'credential-reflection');
    expect(check?.outcome, JSON.stringify(op?.checks.map((c) => [c.checkId, c.outcome]))).toBe('failed');
  });

  it('the SDK error quoting the key past its cut shows it redacted, not its first characters', () => {
    const probe = report.operations.find((o) => o.operationId === 'sdk.embeddings.create');
    const message = probe?.checks.find((c) => c.checkId === 'client-compatibility')?.failures[0]?.message ?? '';
    expect(message).toMatch(/HTTP 400/);
    expect(message).toContain('[REDACTED]');
  });
});
