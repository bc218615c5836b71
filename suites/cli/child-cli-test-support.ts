// Driving the built CLI as a child process (signals, kill -9): build it once, start `serve`, start a
// run, wait for an event in its log. Shared by the integration tests that need a real process.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { RunEvent } from '../engine/events.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'dist', 'suites', 'cli', 'main.js');

/** tsc emits even when some file has type errors (others may be mid-edit): only a missing CLI is fatal. */
export async function buildCli(): Promise<void> {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  await promisify(execFile)(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }).catch(
    () => undefined,
  );
  if (!existsSync(CLI)) throw new Error(`[mistral-conformance] Failed to build the CLI: ${CLI} is missing after tsc. Run npm run build to see why`);
}

/** The reference server in its own process; resolves with its URL. */
export function startServeChild(apiKey: string, children: ChildProcess[]): Promise<string> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--api-key', apiKey], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
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

export interface RunChild {
  child: ChildProcess;
  /** Resolves with the exit code (or the signal that ended it) and how long after `since()` it came. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  stderr(): string;
}

export function startRunChild(args: string[], env: Record<string, string>, children: ChildProcess[]): RunChild {
  const child = spawn(process.execPath, [CLI, 'run', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() })),
  );
  return { child, exited, stderr: () => err };
}

/** Resolves once the log holds an event matching `pred` (it is written line by line, synchronously). */
export async function waitForEvent(file: string, pred: (e: RunEvent) => boolean, run: RunChild): Promise<void> {
  for (;;) {
    if (run.child.exitCode !== null) throw new Error(`the run ended before the awaited event (exit ${run.child.exitCode}): ${run.stderr()}`);
    const text = existsSync(file) ? await readFile(file, 'utf8') : '';
    const lines = text.split('\n').slice(0, -1); // the last line may still be being written
    if (lines.some((l) => pred(JSON.parse(l) as RunEvent))) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}
