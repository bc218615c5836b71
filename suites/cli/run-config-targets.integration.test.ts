// Issue 9, vendor comparison: one config file names two targets (a conforming reference server and a
// faulty one, each with its key in its own environment variable); `run --config` tests both, writes a
// report directory per target and the comparison of the two.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference-server/index.js';
import { makeTempDir, readReport, runCli, type CliRun } from './integration-support.js';

const KEY_A = 'sk-config-target-a-4242';
const KEY_B = 'sk-config-target-b-9191';
let good: ReferenceServer;
let faulty: ReferenceServer;
let temp: { dir: string; remove: () => Promise<void> };
let run: CliRun;
let reportDir: string;

beforeAll(async () => {
  good = await startReferenceServer({ apiKey: KEY_A });
  faulty = await startReferenceServer({ apiKey: KEY_B, fault: 'wrong-type' });
  temp = await makeTempDir('config');
  process.env.MC_TEST_KEY_A = KEY_A;
  process.env.MC_TEST_KEY_B = KEY_B;
  const config = {
    defaults: { include: ['models'], concurrency: 2 },
    targets: {
      reference: { url: good.url, apiKeyEnv: 'MC_TEST_KEY_A', description: 'conforming' },
      faulty: { url: faulty.url, apiKeyEnv: 'MC_TEST_KEY_B' },
    },
  };
  const configPath = join(temp.dir, 'mistral-conformance.config.json');
  await writeFile(configPath, JSON.stringify(config, null, 2));
  reportDir = join(temp.dir, 'report');
  run = await runCli(['run', '--config', configPath, '--report-dir', reportDir, '--runs', '2', '--seed', '7', '--quiet']);
}, 120_000);

afterAll(async () => {
  delete process.env.MC_TEST_KEY_A;
  delete process.env.MC_TEST_KEY_B;
  await Promise.all([good?.close(), faulty?.close()]);
  await temp?.remove();
});

describe('run --config with two targets', () => {
  it('runs both, each with the key from its own variable, and fails because one target is faulty', () => {
    expect(run.code, run.stderr).toBe(1);
    expect(good.log.length).toBeGreaterThan(0);
    expect(faulty.log.length).toBeGreaterThan(0);
    // Only the auth phase sends missing or wrong keys; everything else was authorised with the right key.
    expect(good.log.filter((e) => e.authorized).length).toBeGreaterThan(good.log.length / 2);
    expect(faulty.log.filter((e) => e.authorized).length).toBeGreaterThan(faulty.log.length / 2);
  });

  it('writes one report directory per target, named after it', async () => {
    const a = await readReport(join(reportDir, 'reference'));
    const b = await readReport(join(reportDir, 'faulty'));
    expect(a.targetName).toBe('reference');
    expect(a.target).toBe(good.url);
    expect(a.summary.verdict).toBe('pass');
    expect(b.targetName).toBe('faulty');
    expect(b.target).toBe(faulty.url);
    expect(b.summary.verdict).toBe('fail');
    const schema = b.operations.find((o) => o.operationId === 'list_models_v1_models_get')!.checks.find((c) => c.checkId === 'response-schema-conformance')!;
    expect(schema.outcome).toBe('failed');
    expect(schema.failures[0]!.message).toMatch(/created/);
    for (const t of ['reference', 'faulty']) {
      for (const f of ['events.ndjson', 'report.json', 'junit.xml', 'summary.md', 'report.html'])
        expect((await stat(join(reportDir, t, f))).size, `${t}/${f}`).toBeGreaterThan(0);
    }
  });

  it('writes the comparison of the two targets, showing where they differ', async () => {
    const md = await readFile(join(reportDir, 'compare.md'), 'utf8');
    const html = await readFile(join(reportDir, 'compare.html'), 'utf8');
    expect(md).toContain('reference');
    expect(md).toContain('faulty');
    // Markdown escapes the underscores of operation ids.
    const row = md
      .split('\n')
      .map((l) => l.replace(/\\_/g, '_'))
      .find((l) => l.startsWith('|') && l.includes('list_models_v1_models_get') && l.includes('response-schema-conformance'));
    expect(row, 'a compare row for the failing pair').toBeDefined();
    expect(row).toContain('≠');
    expect(row).toMatch(/pass.*\|.*fail/);
    // The column order is the order of the config's targets.
    expect(md.indexOf('reference')).toBeLessThan(md.indexOf('faulty'));
    expect(html).toMatch(/<html/i);
    expect(html).toContain('faulty');
    expect(run.stdout).toContain('compare.html');
  });

  it('never writes either key into any file', async () => {
    for (const f of ['reference/events.ndjson', 'reference/report.json', 'faulty/events.ndjson', 'faulty/report.html', 'compare.md', 'compare.html']) {
      const text = await readFile(join(reportDir, f), 'utf8');
      expect(text).not.toContain(KEY_A);
      expect(text).not.toContain(KEY_B);
    }
    expect(run.stdout + run.stderr).not.toContain(KEY_A);
  });
});
