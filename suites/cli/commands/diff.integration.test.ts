// `diff` as a regression gate: the reference server's run against a run of the same server with one
// fault names exactly the checks the fault catalogue says it breaks, and exits 1. A baseline listing
// them (written by `run --write-baseline`, as makeBaseline would) lets the gate pass, and an entry
// for a check that now passes is reported as stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFault, startReferenceServer, type FaultName, type ReferenceServer } from '../../../fixtures/reference-server/index.js';
import { makeBaseline, parseBaseline, renderBaseline } from '../../../reporters/baseline.js';
import { parseReport } from '../../../reporters/json.js';
import { runCli, SMALL_RUN, tempDir } from '../test-support.js';

const KEY = 'sk-diff-0123456789abcdef';
const servers: ReferenceServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** Runs the suite against the reference server (with `fault`, if any) and returns the report's path. */
async function runAgainst(
  fault: FaultName | undefined,
  phases: string,
  include: string[],
  extra: string[] = [],
): Promise<{ report: string; code: number; stdout: string; stderr: string }> {
  const server = await startReferenceServer({ apiKey: KEY, ...(fault ? { fault } : {}) });
  servers.push(server);
  const dir = tempDir(`diff-${fault ?? 'reference'}`);
  const r = await runCli(
    ['run', '--target', server.url, ...SMALL_RUN, '--phases', phases, '--include', include.join(','), '--report-dir', dir, '--format', 'json', ...extra],
    { MISTRAL_API_KEY: KEY },
  );
  return { report: join(dir, 'report.json'), ...r };
}

/** `op › check` pairs listed under a section of the text diff. */
function section(text: string, title: string): Array<{ operationId: string; checkId: string }> {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${title} (`));
  if (start < 0) return [];
  const out: Array<{ operationId: string; checkId: string }> = [];
  for (const l of lines.slice(start + 1)) {
    const m = /^ {2}(\S+) › (\S+) \(/.exec(l);
    if (!m) break;
    out.push({ operationId: m[1]!, checkId: m[2]! });
  }
  return out;
}

const CASES: Array<{ fault: FaultName; phases: string; include: string[] }> = [
  { fault: 'wrong-type', phases: 'examples,positive', include: ['list_models_v1_models_get', 'embeddings_v1_embeddings_post'] },
  { fault: 'wrong-content-type', phases: 'examples,positive', include: ['list_models_v1_models_get', 'embeddings_v1_embeddings_post'] },
  { fault: 'usage-total-wrong', phases: 'examples,positive', include: ['chat_completion_v1_chat_completions_post', 'fim_completion_v1_fim_completions_post'] },
  {
    fault: 'accepts-out-of-range-temperature',
    phases: 'coverage,negative',
    include: ['chat_completion_v1_chat_completions_post', 'embeddings_v1_embeddings_post'],
  },
];

describe('diff of the reference server against a faulty variant', () => {
  for (const { fault, phases, include } of CASES) {
    it(`${fault}: names exactly the catalogue's expected check on the fault's operations, exit 1`, async () => {
      const def = findFault(fault)!;
      const base = await runAgainst(undefined, phases, include);
      expect(base.code, base.stderr).toBe(0);
      const current = await runAgainst(fault, phases, include);
      expect(current.code).toBe(1);
      const d = await runCli(['diff', base.report, current.report]);
      expect(d.code).toBe(1);
      expect(d.stdout).toMatch(/^REGRESSION \d+ new failures?/);
      const broken = section(d.stdout, 'New failures');
      expect(broken.length).toBeGreaterThan(0);
      expect(new Set(broken.map((b) => b.checkId))).toEqual(new Set([def.expectedCheck]));
      for (const b of broken) expect(def.operations).toContain(b.operationId);
      // Operations the fault does not touch stay out of the diff.
      expect(d.stdout).not.toMatch(/embeddings_v1_embeddings_post ›/);
      // The same runs the other way round: the fault's checks show as fixed, and the gate passes.
      const back = await runCli(['diff', current.report, base.report]);
      expect(back.code).toBe(0);
      expect(section(back.stdout, 'Fixed')).toEqual(broken);
    }, 60_000);
  }
});

describe('a baseline of known failures', () => {
  const fault = 'missing-required-field';
  const phases = 'examples,positive';
  const include = ['chat_completion_v1_chat_completions_post'];
  const dir = tempDir('diff-baseline');
  const baselinePath = join(dir, 'baseline.json');

  it('run --write-baseline writes what makeBaseline makes of the failing run', async () => {
    const r = await runAgainst(fault, phases, include, ['--write-baseline', baselinePath]);
    expect(r.code).toBe(1);
    const written = parseBaseline(readFileSync(baselinePath, 'utf8'));
    expect(written).toEqual(makeBaseline(parseReport(readFileSync(r.report, 'utf8'))));
    // The fault breaks its catalogue check, and (no index, no choice) the n-choices check with it.
    expect(written.entries).toEqual([
      { operationId: include[0], checkId: 'n-choices' },
      { operationId: include[0], checkId: findFault(fault)!.expectedCheck },
    ]);
  }, 60_000);

  it('lets the gate pass: run --baseline exits 0 and diff --baseline lists the failures as accepted', async () => {
    const base = await runAgainst(undefined, phases, include);
    const current = await runAgainst(fault, phases, include, ['--baseline', baselinePath]);
    expect(current.code, current.stdout).toBe(0);
    expect(current.stderr).not.toContain('stale');
    expect(parseReport(readFileSync(current.report, 'utf8')).summary.checks.accepted).toBeGreaterThan(0);
    const raw = await runAgainst(fault, phases, include);
    expect((await runCli(['diff', base.report, raw.report])).code).toBe(1);
    const d = await runCli(['diff', base.report, raw.report, '--baseline', baselinePath]);
    expect(d.code).toBe(0);
    const entries = parseBaseline(readFileSync(baselinePath, 'utf8')).entries;
    expect(d.stdout).toMatch(new RegExp(`^NO NEW FAILURES: .*, ${entries.length} accepted by baseline`));
    expect(section(d.stdout, 'New failures accepted by the baseline')).toEqual(entries);
  }, 60_000);

  it('reports an entry whose check now passes as stale, without failing the gate', async () => {
    const baseline = parseBaseline(readFileSync(baselinePath, 'utf8'));
    baseline.entries.push({ operationId: include[0]!, checkId: 'status-code-conformance', reason: 'fixed upstream since' });
    const withStale = join(dir, 'with-stale.json');
    writeFileSync(withStale, renderBaseline(baseline));
    const r = await runAgainst(fault, phases, include, ['--baseline', withStale]);
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toEqual([`[mistral-conformance] baseline: baseline entry ${include[0]} › status-code-conformance is stale: the check now passes; remove it`]);
    // Against the fixed server every entry is stale.
    const fixed = await runAgainst(undefined, phases, include, ['--baseline', withStale]);
    expect(fixed.code).toBe(0);
    expect(fixed.stderr.match(/is stale/g)).toHaveLength(baseline.entries.length);
  }, 60_000);

  it('a broken baseline file is a one-line error (exit 2)', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"something-else"}');
    const r = await runCli(['diff', bad, bad, '--baseline', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toMatch(/^\[mistral-conformance\] /);
  });
});
