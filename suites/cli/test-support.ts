// Shared by the command line's end-to-end tests: runs `main(argv)` in-process with the API key in the
// environment, capturing what it writes to stdout and stderr, and makes temp dirs for reports.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

type Write = typeof process.stdout.write;

/**
 * Runs the CLI as a user would, with `env` set for the duration of the call (then restored).
 * Calls must not overlap: stdout/stderr are captured by swapping their `write` for the call.
 */
export async function runCli(argv: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  let stdout = '';
  let stderr = '';
  const outWrite = process.stdout.write;
  const errWrite = process.stderr.write;
  const capture = (append: (s: string) => void): Write =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const cb = rest.find((x): x is () => void => typeof x === 'function');
      cb?.();
      return true;
    }) as Write;
  process.stdout.write = capture((s) => (stdout += s));
  process.stderr.write = capture((s) => (stderr += s));
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = outWrite;
    process.stderr.write = errWrite;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `mc-cli-${prefix}-`));
}

/** Every file under `dir` (recursively) with its text, for "the key is nowhere" assertions. */
export function filesUnder(dir: string): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push({ path, text: readFileSync(path, 'utf8') });
  }
  return out;
}

/** Options that keep an end-to-end run small and deterministic. */
export const SMALL_RUN = ['--seed', '5', '--runs', '2', '--concurrency', '4', '--timeout', '5000', '--quiet'];
