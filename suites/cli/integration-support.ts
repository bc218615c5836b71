// Helpers for the integration tests that drive the CLI in-process against reference servers: temp
// report directories, captured output, report reading and schema validation, load measured at the server.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { RunEvent } from '../engine/events.js';
import type { RunResults } from '../engine/results.js';
import { main } from './main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `main(argv)` in-process with stdout/stderr captured (not echoed), so tests can read them. */
export async function runCli(argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const realOut = process.stdout.write.bind(process.stdout);
  const realErr = process.stderr.write.bind(process.stderr);
  const capture = (sink: string[]) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      cb?.();
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  try {
    const code = await main(argv);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = realOut;
    process.stderr.write = realErr;
  }
}

export async function makeTempDir(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `mc-${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function readReport(dir: string): Promise<RunResults> {
  return JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as RunResults;
}

export async function readEvents(dir: string): Promise<RunEvent[]> {
  const text = await readFile(join(dir, 'events.ndjson'), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as RunEvent);
}

/** Validates a report.json value against reporters/report.schema.json; returns the errors (empty = valid). */
export function reportSchemaErrors(report: unknown): string[] {
  const schema = JSON.parse(readFileSync(new URL('../../reporters/report.schema.json', import.meta.url), 'utf8')) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const validate = ajv.compile(schema);
  if (validate(report)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** The most arrivals inside any window of `windowMs` (times in ms, any order). */
export function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** Every (operation, check) verdict of a report, for comparing runs: `op check passed/failed/...`. */
export function verdictTable(results: RunResults): string[] {
  return results.operations
    .flatMap((o) =>
      o.checks.map(
        (c) =>
          `${o.operationId} ${c.checkId} passed=${c.passed} failed=${c.failed} warnings=${c.warnings} errored=${c.errored} skipped=${c.skipped} -> ${c.outcome}`,
      ),
    )
    .sort();
}
