// Issue 15: a run killed with -9 leaves what it created on the server, and its event log names each
// resource as soon as the server answered its create. `cleanup --from events.ndjson` undoes them: the
// run goes against the reference server in a child process (`serve`), is killed once it has created
// files, the files are still there, and after cleanup none of those it logged is.
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResourceCreated, RunEvent } from '../engine/events.js';
import { buildCli, startRunChild, startServeChild, waitForEvent } from './child-cli-test-support.js';
import { makeTempDir, runCli, type CliRun } from './integration-support.js';

const KEY = 'sk-cleanup-from-9090';
const children: ChildProcess[] = [];
let temp: { dir: string; remove: () => Promise<void> };
let serverUrl: string;
let created: ResourceCreated[];
let filesBefore: string[];
let dryRun: CliRun;
let cleanup: CliRun;
let again: CliRun;
let filesAfter: string[];

async function listFiles(): Promise<string[]> {
  const res = await fetch(`${serverUrl}/v1/files?page_size=100`, { headers: { authorization: `Bearer ${KEY}` } });
  return ((await res.json()) as { data: Array<{ id: string }> }).data.map((f) => f.id);
}

beforeAll(async () => {
  await buildCli();
  temp = await makeTempDir('cleanup-from');
  serverUrl = await startServeChild(KEY, children);
  const log = join(temp.dir, 'events.ndjson');
  const run = startRunChild(
    ['--target', serverUrl, '--api-key-env', 'MC_CLEANUP_KEY', '--report-dir', temp.dir, '--quiet', '--seed', '3', '--runs', '40'],
    { MC_CLEANUP_KEY: KEY },
    children,
  );
  // Killed once two files exist: no clean-up, no run-finished, only what the log holds.
  let files = 0;
  await waitForEvent(log, (e) => e.type === 'resource-created' && e.kind === 'file' && ++files >= 2, run);
  run.child.kill('SIGKILL');
  await run.exited;
  const events = (await readFile(log, 'utf8'))
    .split('\n')
    .slice(1, -1)
    .map((l) => JSON.parse(l) as RunEvent);
  created = events.filter((e): e is ResourceCreated => e.type === 'resource-created');
  filesBefore = await listFiles();
  process.env.MC_CLEANUP_KEY = KEY;
  dryRun = await runCli(['cleanup', '--from', log, '--dry-run']);
  cleanup = await runCli(['cleanup', '--from', log]);
  again = await runCli(['cleanup', '--from', log]);
  filesAfter = await listFiles();
}, 180_000);

afterAll(async () => {
  delete process.env.MC_CLEANUP_KEY;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await temp?.remove();
});

describe('cleanup --from the log of a run killed with -9', () => {
  it('the log names the files the run created, and they are still on the server', () => {
    expect(created.filter((c) => c.kind === 'file').length).toBeGreaterThanOrEqual(2);
    for (const c of created.filter((r) => r.kind === 'file')) expect(filesBefore).toContain(c.id);
  });

  it('--dry-run lists them and sends nothing', () => {
    expect(dryRun.code).toBe(0);
    for (const c of created) expect(dryRun.stdout).toContain(c.id);
  });

  it('undoes every one of them, and exits 0', () => {
    expect(cleanup.code, cleanup.stdout + cleanup.stderr).toBe(0);
    expect(cleanup.stdout).toMatch(/all \d+ undone/);
    for (const c of created.filter((r) => r.kind === 'file')) expect(filesAfter).not.toContain(c.id);
    expect(cleanup.stdout + cleanup.stderr).not.toContain(KEY);
  });

  it('a second time finds them already gone (404 counts as clean)', () => {
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already gone/);
  });
});
