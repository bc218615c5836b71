// The package as a user gets it: `npm pack` (its prepack builds dist/ from a clean tree) on a copy of
// the sources, the tarball installed into an empty folder with the runtime dependencies only, then the
// installed command run as the README says: `npx mistral-conformance run --embedded`, and `serve` with
// `run --target` against it. No network: the folder's lockfile pins the runtime dependencies as the
// project's lockfile does, so `npm ci --offline` takes them from the npm cache the project's own
// `npm ci` filled (a fresh CI machine has done that). The source copy keeps the repository's dist/
// untouched while other integration tests run the built CLI.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from './openapi/paths.js';

const run = promisify(execFile);
const ROOT = packageRoot();
/** What building and packing need: the sources and the files npm adds to every package. */
const SOURCES = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'README.md',
  'LICENSE',
  'specs',
  'suites',
  'reporters',
  'fixtures',
  'bench',
];
/** A generous cap: the packed package is about 0.4 MB; a tenfold growth means something leaked in. */
const MAX_PACKED_BYTES = 4 * 1024 * 1024;
const DEV_ONLY = ['vitest', 'typescript', 'msw', 'nock', 'playwright-core', '@stoplight/prism-cli', '@biomejs/biome'];

interface LockEntry {
  dev?: boolean;
  [key: string]: unknown;
}
interface Lock {
  packages: Record<string, LockEntry>;
}

let temp: string;
let tarball: string;
let app: string;
const children: ChildProcess[] = [];

/** npm with the user's cache; no audit, fund or update notices; offline. */
function npm(args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return run('npm', [...args, '--no-audit', '--no-fund', '--no-update-notifier'], { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: 'true' } });
}

/** The installed command through npx, as the README shows it. */
function npx(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return run('npx', ['--offline', '--no-install', 'mistral-conformance', ...args], {
    cwd: app,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, MISTRAL_API_KEY: '', ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code?: number; stdout?: string; stderr?: string }) => ({
      code: typeof err.code === 'number' ? err.code : -1,
      stdout: err.stdout ?? '',
      stderr: err.stderr ?? '',
    }),
  );
}

/** The lockfile of a folder depending on the tarball alone: the runtime part of the project's lockfile. */
function appLockfile(tarballRef: string): object {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lock;
  const self = lock.packages['']!;
  const packages: Record<string, unknown> = {
    '': { name: 'app', dependencies: { 'mistral-conformance': tarballRef } },
    'node_modules/mistral-conformance': {
      version: self.version,
      resolved: tarballRef,
      license: self.license,
      dependencies: self.dependencies,
      bin: self.bin,
      engines: self.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages)) if (path && !entry.dev) packages[path] = entry;
  return { name: 'app', lockfileVersion: 3, requires: true, packages };
}

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'mc-install-'));
  const src = join(temp, 'src');
  await mkdir(src);
  for (const entry of SOURCES) await cp(join(ROOT, entry), join(src, entry), { recursive: true });
  // The build's tools (tsc) come from the project's node_modules; nothing of it is packed.
  await symlink(join(ROOT, 'node_modules'), join(src, 'node_modules'), 'dir');
  const { stdout } = await npm(['pack', '--json', '--pack-destination', temp], src);
  const packed = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string }>;
  tarball = join(temp, packed[0]!.filename);
  app = join(temp, 'app');
  await mkdir(app);
  const ref = `file:../${packed[0]!.filename}`;
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, dependencies: { 'mistral-conformance': ref } }));
  await writeFile(join(app, 'package-lock.json'), JSON.stringify(appLockfile(ref)));
  await npm(['ci', '--offline'], app);
}, 600_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await rm(temp, { recursive: true, force: true });
});

describe('the packed package, installed into an empty folder', () => {
  it('is small, built from a clean tree by prepack, and holds an executable command', async () => {
    const size = statSync(tarball).size;
    console.info(`packed package: ${(size / 1024).toFixed(0)} KiB`);
    expect(size).toBeLessThan(MAX_PACKED_BYTES);
    const installed = join(app, 'node_modules', 'mistral-conformance');
    const main = await readFile(join(installed, 'dist', 'suites', 'cli', 'main.js'), 'utf8');
    expect(main.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(existsSync(join(installed, 'LICENSE'))).toBe(true);
    expect(existsSync(join(app, 'node_modules', '.bin', 'mistral-conformance'))).toBe(true);
    for (const dev of DEV_ONLY) expect(existsSync(join(app, 'node_modules', dev)), dev).toBe(false);
  });

  it('answers --version with the package version', async () => {
    const { code, stdout } = await npx(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('runs the suite against the embedded reference server: exit 0 and every report', async () => {
    const { code, stdout, stderr } = await npx(['run', '--embedded', '--runs', '2', '--quiet', '--report-dir', 'embedded']);
    expect(stderr).not.toMatch(/Error|warning/i);
    expect(code, stdout + stderr).toBe(0);
    expect(stdout).toMatch(/^PASS /m);
    for (const file of ['report.json', 'junit.xml', 'summary.md', 'report.html', 'events.ndjson'])
      expect(existsSync(join(app, 'embedded', file)), file).toBe(true);
  });

  it('serves the reference server, and runs the suite against it with the key it prints', async () => {
    // The bin itself (its shebang runs node), so that SIGTERM reaches the server and not an npx wrapper.
    const child = spawn(join(app, 'node_modules', '.bin', 'mistral-conformance'), ['serve', '--port', '0'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const { url, key } = await new Promise<{ url: string; key: string }>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/\S+)[\s\S]*API key: (\S+)/.exec(out);
        if (m) resolve({ url: m[1]!, key: m[2]! });
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });
    const { code, stdout, stderr } = await npx(
      ['run', '--target', url, '--runs', '2', '--phases', 'examples,positive,negative,auth', '--quiet', '--report-dir', 'target'],
      {
        MISTRAL_API_KEY: key,
      },
    );
    expect(code, stdout + stderr).toBe(0);
    expect(stdout).toMatch(/^PASS /m);
    const report = JSON.parse(await readFile(join(app, 'target', 'report.json'), 'utf8')) as { summary: { verdict: string } };
    expect(report.summary.verdict).toBe('pass');
  });
});
