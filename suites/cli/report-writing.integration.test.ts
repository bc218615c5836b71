// Reports that tell the truth: a report that cannot be written (full disk) makes the run exit 2 with
// the list of what is missing; a symlink in the report folder is replaced, never followed; a second
// run clears the first one's files (and says so); a folder that is not ours is refused; and a target
// answering JSON nested 3,000 deep still gets a report.json with its failing cases.
import { execFile } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReport } from '../../reporters/json.js';
import { runCli, SMALL_RUN, tempDir } from './test-support.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist', 'suites', 'cli', 'main.js');
const RUN = ['run', '--embedded', ...SMALL_RUN, '--phases', 'examples'];
const dir = tempDir('report-writing');

describe('the report folder', () => {
  it('replaces a planted symlink instead of overwriting its target', async () => {
    const out = join(dir, 'symlinked');
    mkdirSync(out);
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    // An earlier run's folder (its marker) with links where reports go.
    writeFileSync(join(out, '.mistral-conformance'), '');
    symlinkSync(victim, join(out, 'summary.md'));
    symlinkSync(victim, join(out, 'events.ndjson'));
    const r = await runCli([...RUN, '--report-dir', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    for (const f of ['summary.md', 'events.ndjson']) expect(lstatSync(join(out, f)).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('mistral-conformance');
  });

  it('a second run clears the files of the first, formats it does not write included, and says so', async () => {
    const out = join(dir, 'twice');
    expect((await runCli([...RUN, '--report-dir', out])).code).toBe(0);
    writeFileSync(join(out, 'my-notes.txt'), 'kept');
    const r = await runCli([...RUN.filter((a) => a !== '--quiet'), '--format', 'json', '--report-dir', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`[mistral-conformance] report folder ${out}: removed 5 files of an earlier run (`);
    expect(readdirSync(out).sort()).toEqual(['.mistral-conformance', 'events.ndjson', 'my-notes.txt', 'report.json']);
  });

  it('refuses a non-empty folder that holds no report of ours, in one line, touching nothing', async () => {
    const out = join(dir, 'project');
    mkdirSync(out);
    writeFileSync(join(out, 'package.json'), '{}');
    const r = await runCli([...RUN, '--report-dir', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `[mistral-conformance] Failed to prepare the report folder ${out}: it is not empty and holds no report of this tool (package.json). Choose a new or empty folder with --report-dir\n`,
    );
    expect(readdirSync(out)).toEqual(['package.json']);
  });
});

describe('a full disk', () => {
  beforeAll(async () => {
    // The CLI runs as a child with a file size limit (no root needed): every write past 1 KiB fails with
    // EFBIG, as on a full disk; the folder's marker (107 bytes) still fits.
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    await promisify(execFile)(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT }).catch(() => undefined);
    if (!existsSync(CLI)) throw new Error(`[mistral-conformance] Failed to build the CLI: ${CLI} is missing after tsc. Run npm run build to see why`);
  }, 240_000);

  it('exits 2 and lists every report it could not write', async () => {
    const out = join(dir, 'full');
    const argv = [CLI, ...RUN, '--report-dir', out].map((a) => `'${a}'`).join(' ');
    const r = await promisify(execFile)('bash', ['-c', `ulimit -f 1; exec '${process.execPath}' ${argv}`], { cwd: ROOT }).then(
      (x) => ({ code: 0, ...x }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(r.code, r.stderr).toBe(2);
    const last = r.stderr.trim().split('\n').at(-1)!;
    const files = ['events.ndjson', 'report.json', 'junit.xml', 'summary.md', 'report.html'];
    expect(last).toBe(
      `[mistral-conformance] Failed to write 5 reports: ${files.map((f) => `${join(out, f)} (EFBIG: file too large)`).join('; ')}. The run's verdict is not on disk there: check free space and permissions of the report folder, then run again`,
    );
    // What could not be written is absent, never a cut-off file that reads as a report (or a log
    // that would rebuild one without its later cases).
    expect(readdirSync(out)).toEqual(['.mistral-conformance']);
    expect(r.stdout).toContain('PASS');
  }, 120_000);
});

describe('JSON nested 3,000 deep in every answer', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    const deep = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.method === 'GET' && req.url?.startsWith('/v1/models'))
        res.end(JSON.stringify({ object: 'list', data: [{ id: 'm', object: 'model', capabilities: { completion_chat: true } }] }));
      else res.end(`{"id": "x", "deep": ${deep}}`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('still writes report.json with the failing cases, and the log rebuilds the same verdict', async () => {
    const out = join(dir, 'deep');
    const r = await runCli(['run', '--target', url, ...SMALL_RUN, '--phases', 'examples', '--report-dir', out], { MISTRAL_API_KEY: 'sk-deep-0123456789' });
    expect(r.code, r.stderr).toBe(1);
    const report = parseReport(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.summary.verdict).toBe('fail');
    const messages = report.operations.flatMap((o) => o.checks.flatMap((c) => c.failures.map((f) => f.message)));
    expect(messages.some((m) => m.includes('nested deeper than 512 levels: not parsed'))).toBe(true);
    const rebuilt = join(dir, 'deep-rebuilt');
    expect((await runCli(['report', '--from', join(out, 'events.ndjson'), '--out', rebuilt, '--format', 'json'])).code).toBe(0);
    expect(parseReport(readFileSync(join(rebuilt, 'report.json'), 'utf8')).summary).toEqual(report.summary);
  });
});
