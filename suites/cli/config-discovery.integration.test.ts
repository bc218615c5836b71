// Config discovery as documented: `run` without --config reads mistral-conformance.config.json from
// the working directory, else from the git root, says so, and --no-config turns that off; `init`
// writes a config that the next `run` picks up. The CLI runs in-process with its working directory
// changed (integration tests run in forked processes).
import { mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference-server/index.js';
import { readReport } from './integration-support.js';
import { runCli, SMALL_RUN, tempDir } from './test-support.js';

const KEY = 'sk-discovery-test-5151';
// Not --quiet: the line naming the config found is part of what is tested.
const RUN = ['run', ...SMALL_RUN.filter((f) => f !== '--quiet'), '--phases', 'examples', '--report-dir'];
let server: ReferenceServer;
let root: string;
const home = process.cwd();

beforeAll(async () => {
  server = await startReferenceServer({ apiKey: KEY });
  root = tempDir('discovery');
});
afterEach(() => process.chdir(home));
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('config discovery', () => {
  it('reads the config at the git root from a subfolder, and says so', async () => {
    const repo = join(root, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'packages', 'api'), { recursive: true });
    writeFileSync(join(repo, 'mistral-conformance.config.json'), JSON.stringify({ targets: { staging: { url: server.url, include: ['models'] } } }));
    process.chdir(join(repo, 'packages', 'api'));
    const r = await runCli([...RUN, join(root, 'found')], { MISTRAL_API_KEY: KEY });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('using config ../../mistral-conformance.config.json: its targets (--no-config to ignore it)');
    const report = await readReport(join(root, 'found'));
    expect(report.targetName).toBe('staging');
    // The config's include applied: only the models operations ran.
    expect(new Set(report.operations.map((o) => o.tags[0]))).toEqual(new Set(['models']));

    const ignored = await runCli([...RUN, join(root, 'ignored'), '--no-config'], { MISTRAL_API_KEY: KEY });
    expect(ignored.code).toBe(2);
    expect(ignored.stderr).toMatch(/no target: give --target URL, --embedded or --config FILE, or write a config with mistral-conformance init/);
  });

  it('runs what init wrote in an empty folder', async () => {
    const dir = join(root, 'fresh');
    mkdirSync(dir);
    process.chdir(dir);
    const init = await runCli(['init', '--target', server.url]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('Wrote mistral-conformance.config.json');
    const again = await runCli(['init']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists here/);
    const r = await runCli([...RUN, join(dir, 'report'), '--include', 'models'], { MISTRAL_API_KEY: KEY });
    expect(r.code, r.stderr).toBe(0);
    expect((await readReport(join(dir, 'report'))).targetName).toBe('local');
  });
});
