// Issue 9, Ctrl-C in CI: the CLI runs as a child process against a reference server in another child
// (`serve`); SIGINT arrives once the run has uploaded files. The run must exit 130, leave a partial
// report.json that is valid against its schema and says it was interrupted, and leave no file it
// created on the server (checked over HTTP afterwards). The CLI needs dist/: the test builds it once.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../engine/events.js';
import type { RunResults } from '../engine/results.js';
import { makeTempDir, readReport, reportSchemaErrors } from './integration-support.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist', 'suites', 'cli', 'main.js');
const KEY = 'sk-interrupt-test-3131';
const children: ChildProcess[] = [];
let temp: { dir: string; remove: () => Promise<void> };
let serverUrl: string;
let exitCode: number | null;
let stderr = '';
let report: RunResults;
let events: RunEvent[];

/** tsc emits even when some file has type errors (others may be mid-edit): only a missing CLI is fatal. */
async function build(): Promise<void> {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  await promisify(execFile)(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }).catch(
    () => undefined,
  );
  if (!existsSync(CLI)) throw new Error(`[mistral-conformance] Failed to build the CLI: ${CLI} is missing after tsc. Run npm run build to see why`);
}

function startServe(): Promise<string> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--api-key', KEY], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

/** Resolves once events.ndjson holds an event matching `pred` (the log is written line by line, synchronously). */
async function waitForEvent(file: string, pred: (e: RunEvent) => boolean, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the run ended before the awaited event (exit ${child.exitCode}): ${stderr}`);
    const text = existsSync(file) ? await readFile(file, 'utf8') : '';
    const lines = text.split('\n').slice(0, -1); // the last line may still be being written
    if (lines.some((l) => pred(JSON.parse(l) as RunEvent))) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  await build();
  temp = await makeTempDir('sigint');
  serverUrl = await startServe();
  const run = spawn(
    process.execPath,
    [CLI, 'run', '--target', serverUrl, '--api-key-env', 'MC_SIGINT_KEY', '--report-dir', temp.dir, '--quiet', '--seed', '1', '--runs', '40'],
    {
      cwd: ROOT,
      env: { ...process.env, MC_SIGINT_KEY: KEY },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  children.push(run);
  run.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => run.once('exit', (code) => resolve(code)));
  // Interrupt once an upload succeeded: from then on the run has something on the server to undo.
  await waitForEvent(
    join(temp.dir, 'events.ndjson'),
    (e) => e.type === 'case-finished' && e.operationId === 'files_api_routes_upload_file' && e.expectation === 'accept',
    run,
  );
  run.kill('SIGINT');
  exitCode = await exited;
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
