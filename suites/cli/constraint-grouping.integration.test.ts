// Issue 5: the report groups negative-case findings by the constraint that was broken. A run against
// a server that accepts out-of-range temperatures shows one `maximum` group naming body.temperature
// on both completion operations, in summary.md and report.html; a conforming run shows no group.
// Every failing negative case's curl line, run with the real curl, gets the same status again.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference-server/index.js';
import { parseReport } from '../../reporters/json.js';
import type { RunResults } from '../engine/results.js';
import { runCli, SMALL_RUN, tempDir } from './test-support.js';

const run = promisify(execFile);
const KEY = 'sk-constraint-0123456789abcdef';
const CHAT = 'chat_completion_v1_chat_completions_post';
const FIM = 'fim_completion_v1_fim_completions_post';
const ARGS = [...SMALL_RUN, '--phases', 'coverage,negative', '--include', `${CHAT},${FIM}`];
const HEADING = 'Failing negative cases by broken constraint';

let faulty: ReferenceServer;
let conforming: ReferenceServer;
let dir: string;
let cleanDir: string;
let report: RunResults;

beforeAll(async () => {
  faulty = await startReferenceServer({ apiKey: KEY, fault: 'accepts-out-of-range-temperature' });
  conforming = await startReferenceServer({ apiKey: KEY });
  dir = tempDir('constraint');
  cleanDir = tempDir('constraint-clean');
  const r = await runCli(['run', '--target', faulty.url, ...ARGS, '--report-dir', dir], { MISTRAL_API_KEY: KEY });
  expect(r.code).toBe(1);
  const c = await runCli(['run', '--target', conforming.url, ...ARGS, '--report-dir', cleanDir], { MISTRAL_API_KEY: KEY });
  expect(c.code).toBe(0);
  report = parseReport(readFileSync(join(dir, 'report.json'), 'utf8'));
}, 120_000);
afterAll(async () => {
  await Promise.all([faulty?.close(), conforming?.close()]);
});

/** Failing cases of the report that broke a constraint on purpose, once each. */
function violatingFailures(r: RunResults) {
  const seen = new Map<string, { caseId: string; operationId: string; constraint: string; status: number | undefined; curl: string }>();
  for (const op of r.operations)
    for (const c of op.checks)
      for (const f of c.failures)
        if (f.violation && c.outcome === 'failed' && !seen.has(f.caseId))
          seen.set(f.caseId, {
            caseId: f.caseId,
            operationId: op.operationId,
            constraint: f.violation.constraint,
            status: f.exchanges.at(-1)?.response?.status,
            curl: f.reproduction!.curl.at(-1)!,
          });
  return [...seen.values()];
}

async function curlStatus(line: string, env: Record<string, string>): Promise<number> {
  expect(line).toMatch(/^curl /);
  const { stdout } = await run('sh', ['-c', line], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    timeout: 15_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const status = /^HTTP\/[\d.]+ (\d{3})/.exec(stdout);
  if (!status) throw new Error(`no status line in curl output: ${stdout.slice(0, 200)}`);
  return Number(status[1]);
}

describe('findings grouped by the broken constraint', () => {
  it('the run has failing negative cases, all for temperature above its maximum', () => {
    const failures = violatingFailures(report);
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(new Set(failures.map((f) => f.operationId))).toEqual(new Set([CHAT, FIM]));
    expect(new Set(failures.map((f) => f.constraint))).toEqual(new Set(['maximum']));
  });

  it('summary.md has a by-constraint table and lists each failing case under it', () => {
    const md = readFileSync(join(dir, 'summary.md'), 'utf8');
    const start = md.indexOf(`### ${HEADING}`);
    expect(start).toBeGreaterThan(0);
    const section = md.slice(start, md.indexOf('\n### ', start + 1));
    const row = section.split('\n').find((l) => l.startsWith('| `maximum` |'));
    expect(row).toBeDefined();
    const cells = row!.split(' | ');
    expect(Number(cells[1])).toBe(violatingFailures(report).length);
    expect(cells[2]).toBe('body.temperature');
    expect(cells[3]).toContain(CHAT.replace(/_/g, '\\_'));
    expect(cells[3]).toContain(FIM.replace(/_/g, '\\_'));
    for (const f of violatingFailures(report)) expect(section).toContain(`\`maximum\` · ${f.caseId.replace(/_/g, '\\_')}: temperature = `);
    expect(section).toMatch(/, got 200 \(negative-data-rejection\)/);
    // The overview comes before the per-check details.
    expect(start).toBeLessThan(md.indexOf('### Failing checks'));
  });

  it('report.html has the same grouping in its own section', () => {
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    const section = /<section id="by-constraint">([\s\S]*?)<\/section>/.exec(html)?.[1];
    expect(section).toContain(HEADING);
    const rows = section!.match(/<tr><td><code>[^<]+<\/code><\/td>/g) ?? [];
    expect(rows).toEqual(['<tr><td><code>maximum</code></td>']);
    expect(section).toContain(`<td class="num">${violatingFailures(report).length}</td>`);
    expect(section).toContain('<code>body.temperature</code>');
    expect(section).toContain(CHAT);
    expect(section).toContain(FIM);
    for (const f of violatingFailures(report)) expect(section).toContain(`<li><code>${f.caseId}</code>: temperature = `);
  });

  it('a conforming run shows no such section', () => {
    expect(readFileSync(join(cleanDir, 'summary.md'), 'utf8')).not.toContain(HEADING);
    expect(readFileSync(join(cleanDir, 'report.html'), 'utf8')).not.toContain('id="by-constraint"');
  });

  it("every failing negative case's curl line reproduces the status with the real curl", async () => {
    const failures = violatingFailures(report);
    for (const f of failures) {
      expect(f.curl, f.caseId).toContain('$MISTRAL_API_KEY');
      expect(f.curl).not.toContain(KEY);
      expect(await curlStatus(f.curl, { MISTRAL_API_KEY: KEY }), f.caseId).toBe(f.status);
      // The same line against a conforming server is rejected: it really carries the broken constraint.
      expect(await curlStatus(f.curl.split(faulty.url).join(conforming.url), { MISTRAL_API_KEY: KEY }), f.caseId).toBe(422);
      // And the key comes from the environment, as the line says.
      expect(await curlStatus(f.curl, { MISTRAL_API_KEY: 'sk-wrong-key-000000' }), f.caseId).toBe(401);
    }
  }, 60_000);
});
