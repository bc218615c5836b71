// `npm run bench`: measures start-up, validation, run throughput against the bare load generator's
// ceiling, SSE throughput and peak memory; prints a table with floors and writes bench/results.json.
// Each figure is measured BENCH_RUNS times (default 3): median, min and max; BENCH_ONLY=startup,throughput
// measures only those groups (startup, validation, throughput, sse, memory).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../suites/openapi/paths.js';
import { API_KEY, type BenchContext } from './groups/context.js';
import { memoryFigures } from './groups/memory.js';
import { sseFigures } from './groups/sse.js';
import { startupFigures } from './groups/startup.js';
import { throughputFigures } from './groups/throughput.js';
import { validationFigures } from './groups/validation.js';
import { startReferenceProcess } from './reference-process.js';
import { type BenchGroup, benchOnly, benchRuns } from './stats.js';
import { formatTable, type FigureRow } from './table.js';

/** The groups of figures, in the order they are measured. */
const GROUPS: Array<[BenchGroup, (ctx: BenchContext) => Promise<void>]> = [
  ['startup', startupFigures],
  ['validation', validationFigures],
  ['throughput', throughputFigures],
  ['sse', sseFigures],
  ['memory', memoryFigures],
];

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function main(): Promise<void> {
  const runs = benchRuns();
  const only = benchOnly();
  const started = Date.now();
  const rows: FigureRow[] = [];
  const add = (r: FigureRow): void => {
    rows.push(r);
    log(`${r.figure}: ${r.median} ${r.unit} (min ${r.min}, max ${r.max})${r.verdict ? ` ${r.verdict}` : ''}`);
  };
  log(`${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown cpu'}), node ${process.version}, ${runs} runs per figure`);
  const tmp = await mkdtemp(join(tmpdir(), 'mc-bench-'));
  const reference = await startReferenceProcess(API_KEY);
  try {
    const ctx: BenchContext = { runs, reference, tmp, add, log };
    for (const [group, measure] of GROUPS) if (only(group)) await measure(ctx);
  } finally {
    await reference.close();
    await rm(tmp, { recursive: true, force: true });
  }
  const failed = await report(rows, runs, Math.round((Date.now() - started) / 1000));
  // A CI job can gate on the floors: exit 1 when one does not hold.
  if (failed) process.exitCode = 1;
}

/** Prints the table and writes bench/results.json; returns how many floors do not hold. */
async function report(rows: FigureRow[], runs: number, seconds: number): Promise<number> {
  const cores = availableParallelism();
  process.stdout.write(`\nmistral-conformance bench: ${cores} cores, node ${process.version}, BENCH_RUNS=${runs}, ${seconds} s\n\n`);
  process.stdout.write(`${formatTable(rows)}\n`);
  const failed = rows.filter((r) => r.verdict === 'FAIL');
  process.stdout.write(`\n${failed.length === 0 ? 'all floors hold' : `${failed.length} floor(s) not met: ${failed.map((r) => r.figure).join('; ')}`}\n`);
  const out = join(packageRoot(), 'bench', 'results.json');
  const machine = { cores, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, platform: process.platform };
  await writeFile(out, `${JSON.stringify({ machine, runs, at: new Date().toISOString(), durationSeconds: seconds, figures: rows }, null, 2)}\n`);
  process.stdout.write(`results: ${out}\n`);
  return failed.length;
}

main().then(
  () => undefined,
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
