// Runs the built command line (`node dist/suites/cli/main.js ...`) as a child process, as users do,
// and watches its peak memory. The child is node itself (no npx or shell in between), so its pid is
// the one whose /proc/<pid>/status we read.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../suites/openapi/paths.js';
import { watchPeakRss } from './proc-status.js';

export interface CliRun {
  child: ChildProcess;
  /** performance.timeOrigin + performance.now() when spawn was called (ms since the epoch, fractional). */
  startedAt: number;
  done: Promise<CliResult>;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  peakRssBytes?: number;
}

export function cliPath(): string {
  return join(packageRoot(), 'dist', 'suites', 'cli', 'main.js');
}

export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

const KEEP = 64 * 1024;

export function spawnCli(args: string[], env: Record<string, string> = {}, cwd?: string): CliRun {
  const startedAt = nowMs();
  const child = spawn(process.execPath, [cliPath(), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], ...(cwd ? { cwd } : {}) });
  const watch = child.pid !== undefined ? watchPeakRss(child.pid) : undefined;
  let stdout = '';
  let stderr = '';
  // Keep only the tail: the bench reads the last lines, and a chatty child must not grow our memory.
  child.stdout!.on('data', (d: Buffer) => (stdout = (stdout + d.toString()).slice(-KEEP)));
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-KEEP)));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      const peak = watch?.stop();
      resolve({ code, signal, stdout, stderr, ...(peak !== undefined ? { peakRssBytes: peak } : {}) });
    });
  });
  return { child, startedAt, done };
}
