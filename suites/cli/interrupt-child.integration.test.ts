// Issue 9, Ctrl-C in CI: the CLI runs as a child process against a reference server in another child
// (`serve`); SIGINT arrives once the run has uploaded files. The run must exit 130, leave a partial
// report.json that is valid against its schema and says it was interrupted, and leave no file it
// created on the server (checked over HTTP afterwards). The CLI needs dist/: the test builds it once.
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../engine/events.js';
import type { RunResults } from '../engine/results.js';
import { buildCli, startRunChild, startServeChild, waitForEvent } from './child-cli-test-support.js';
import { makeTempDir, readReport, reportSchemaErrors } from './integration-support.js';

const KEY = 'sk-interrupt-test-3131';
const children: ChildProcess[] = [];
let temp: { dir: string; remove: () => Promise<void> };
let serverUrl: string;
let exitCode: number | null;
let stderr = '';
let report: RunResults;
let events: RunEvent[];

beforeAll(async () => {
  await buildCli();
  temp = await makeTempDir('sigint');
  serverUrl = await startServeChild(KEY, children);
  const run = startRunChild(
    ['--target', serverUrl, '--api-key-env', 'MC_SIGINT_KEY', '--report-dir', temp.dir, '--quiet', '--seed', '1', '--runs', '40'],
    { MC_SIGINT_KEY: KEY },
    children,
  );
  // Interrupt once an upload succeeded: from then on the run has something on the server to undo.
  await waitForEvent(
    join(temp.dir, 'events.ndjson'),
    (e) => e.type === 'case-finished' && e.operationId === 'files_api_routes_upload_file' && e.expectation === 'accept',
    run,
  );
  run.child.kill('SIGINT');
  exitCode = (await run.exited).code;
  stderr = run.stderr();
  report = await readReport(temp.dir);
  events = (await readFile(join(temp.dir, 'events.ndjson'), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as RunEvent);
}, 300_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await temp?.remove();
});

describe('SIGINT during a run (child process)', () => {
  it('exits 130', () => {
    expect(exitCode, stderr).toBe(130);
    expect(stderr).toMatch(/interrupted/);
  });

  it('leaves a partial report.json, valid against its schema, that says it was interrupted', () => {
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.summary.complete).toBe(false);
    expect(report.summary.stoppedBy).toBe('interrupted');
    expect(report.summary.notRun).toBeGreaterThan(0);
    expect(report.summary.cases).toBeGreaterThan(0);
    expect(events.at(-1)?.type).toBe('run-finished');
  });

  it('deleted every file it created: the server lists none afterwards', async () => {
    expect(report.cleanup?.created.length).toBeGreaterThan(0);
    expect(report.cleanup?.failed).toEqual([]);
    const res = await fetch(`${serverUrl}/v1/files?page_size=100`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: unknown[]; total?: number };
    expect(body.data).toEqual([]);
  });

  it('kept the key out of the report and the log', async () => {
    expect(await readFile(join(temp.dir, 'report.json'), 'utf8')).not.toContain(KEY);
    expect(await readFile(join(temp.dir, 'events.ndjson'), 'utf8')).not.toContain(KEY);
  });
});
