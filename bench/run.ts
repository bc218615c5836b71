// `npm run bench`: measures start-up, validation, run throughput against the bare load generator's
// ceiling, SSE throughput and peak memory; prints a table with floors and writes bench/results.json.
// Each figure is measured BENCH_RUNS times (default 3): median, min and max; BENCH_ONLY=startup,throughput
// measures only those groups (startup, validation, throughput, sse, memory).
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLargeSpec } from '../fixtures/specs/make-large-spec.js';
import { packageRoot } from '../suites/openapi/paths.js';
import { loadGeneratorRps, recordSuiteRequests } from './figures/ceiling.js';
import { prepareSseBench } from './figures/sse.js';
import { measureStartupMs } from './figures/startup.js';
import { runSuiteOnce, type OperationGroup } from './figures/suite-run.js';
import { prepareValidationBench } from './figures/validation.js';
import { liveHeapGrowth, liveHeapSamples } from './figures/live-heap.js';
import { startHugeTarget } from './huge-target.js';
import { startReferenceProcess } from './reference-process.js';
import { benchOnly, benchRuns, repeat, summarize, type Summary } from './stats.js';
import { formatTable, row, type FigureRow } from './table.js';

const API_KEY = 'bench-key';
const MB = 1024 * 1024;
/** Random cases per operation in the throughput runs: a few seconds per run at concurrency 1. */
const SWEEP_RUNS = 16;
/** `--runs` that plans about 10,000 cases over the pinned spec. */
const TEN_THOUSAND_RUNS = 480;
const SMALL_RUNS = 30;
/** Live heap sampled every this many cases. */
const LIVE_HEAP_EVERY = 1000;
const CEILING_SECONDS = 3;
const SSE_EVENTS = 100_000;
const LARGE_SPEC_OPERATIONS = 200;

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function main(): Promise<void> {
  const runs = benchRuns();
  const only = benchOnly();
  const cores = availableParallelism();
  const started = Date.now();
  const rows: FigureRow[] = [];
  const add = (r: FigureRow): void => {
    rows.push(r);
    log(`${r.figure}: ${r.median} ${r.unit} (min ${r.min}, max ${r.max})${r.verdict ? ` ${r.verdict}` : ''}`);
  };
  log(`${cores} cores (${cpus()[0]?.model ?? 'unknown cpu'}), node ${process.version}, ${runs} runs per figure`);
  const tmp = await mkdtemp(join(tmpdir(), 'mc-bench-'));
  const reference = await startReferenceProcess(API_KEY);
  try {
    // 1. Start-up.
    if (only('startup')) {
      const largeSpec = join(tmp, 'large-spec.json');
      await writeFile(largeSpec, JSON.stringify(makeLargeSpec(LARGE_SPEC_OPERATIONS)));
      add(row('start-up, pinned spec', 'ms', await repeat(runs, () => measureStartupMs([])), { kind: 'max', value: 1000 }));
      add(
        row(`start-up, large spec (${LARGE_SPEC_OPERATIONS} operations)`, 'ms', await repeat(runs, () => measureStartupMs(['--spec', largeSpec])), {
          kind: 'max',
          value: 3000,
        }),
      );
    }

    // 2. Validation throughput (this process, one core).
    if (only('validation')) {
      const validation = await prepareValidationBench();
      validation.measure(300); // warm-up: compile and optimise
      add(row('validations/s, chat completion, 1 core', '/s', await repeat(runs, async () => validation.measure(1000)), { kind: 'min', value: 1_000_000 }));
    }

    // 3. Run throughput against the ceiling of a bare load generator.
    for (const group of (only('throughput') ? ['non-streaming', 'streaming'] : []) as OperationGroup[]) {
      const recorded = await recordSuiteRequests(reference.url, API_KEY, group, SWEEP_RUNS);
      log(`${group}: recorded ${recorded.length} requests for the load generator`);
      for (const concurrency of [1, 8, 32]) {
        const cases: number[] = [];
        const suiteRps: number[] = [];
        const ceiling: number[] = [];
        const ratios: number[] = [];
        let planned = 0;
        // Interleaved, so that drift of the machine affects both sides of each ratio alike.
        for (let i = 0; i < runs; i++) {
          const r = await runSuiteOnce({ target: reference.url, apiKey: API_KEY, group, concurrency, runs: SWEEP_RUNS });
          const c = await loadGeneratorRps(reference.url, recorded, concurrency, CEILING_SECONDS);
          planned = r.cases;
          cases.push(r.casesPerSecond);
          suiteRps.push(r.requestsPerSecond);
          ceiling.push(c);
          ratios.push(r.requestsPerSecond / c);
        }
        const label = `${group}, concurrency ${concurrency}`;
        const note = group === 'streaming' ? 'chat + FIM; cases mix streamed and non-streamed requests' : 'every operation but chat and FIM';
        add(row(`cases/s, ${label}`, 'cases/s', summarize(cases), undefined, `${planned} cases per run; ${note}`));
        add(row(`suite requests/s, ${label}`, 'req/s', summarize(suiteRps)));
        add(row(`load generator requests/s, ${label}`, 'req/s', summarize(ceiling), undefined, "autocannon replaying the suite's recorded requests"));
        add(row(`suite / load generator, ${label}`, 'ratio', summarize(ratios), concurrency === 8 ? { kind: 'min', value: 0.5 } : undefined));
      }
    }

    // 4. SSE events per second on one long stream.
    if (only('sse')) {
      const sse = await prepareSseBench();
      add(
        row(`SSE events/s, one stream of ${SSE_EVENTS.toLocaleString('en-US')} events`, 'events/s', await repeat(runs, () => sse(SSE_EVENTS)), {
          kind: 'min',
          value: 50_000,
        }),
      );
    }

    // 5. Peak memory.
    if (only('memory')) {
      const rss = async (label: string, measure: () => Promise<{ peak: number; cases: number }>): Promise<{ summary: Summary; cases: number }> => {
        let cases = 0;
        const summary = await repeat(runs, async () => {
          const r = await measure();
          cases = r.cases;
          return Math.round((r.peak / MB) * 10) / 10;
        });
        log(`${label}: ${cases} cases`);
        return { summary, cases };
      };
      const peakOf = async (runsPerOp: number) => {
        const r = await runSuiteOnce({ target: reference.url, apiKey: API_KEY, group: 'all', concurrency: 8, runs: runsPerOp });
        if (r.peakRssBytes === undefined)
          throw new Error('[mistral-conformance] Failed to read peak memory: /proc/<pid>/status was not readable. Run the bench on Linux.');
        return { peak: r.peakRssBytes, cases: r.cases };
      };
      const small = await rss('small run', () => peakOf(SMALL_RUNS));
      const big = await rss('10,000-case run', () => peakOf(TEN_THOUSAND_RUNS));
      add(row(`peak RSS, ${small.cases.toLocaleString('en-US')}-case run`, 'MB', small.summary, { kind: 'max', value: 300 }));
      add(row(`peak RSS, ${big.cases.toLocaleString('en-US')}-case run`, 'MB', big.summary, { kind: 'max', value: 300 }));
      // Bounded: peak RSS also depends on how long V8 lets garbage pile up, so the live heap (after a
      // full collection) early and late in a 10,000-case run says whether memory grows with cases.
      const rssGrowth = {
        median: big.summary.median / small.summary.median,
        min: big.summary.min / small.summary.max,
        max: big.summary.max / small.summary.min,
        runs,
      };
      add(
        row(
          `peak RSS growth, ${small.cases.toLocaleString('en-US')} → ${big.cases.toLocaleString('en-US')} cases`,
          'ratio',
          rssGrowth,
          undefined,
          'garbage between collections included',
        ),
      );
      let heapNote = '';
      const heap = await repeat(runs, async () => {
        const samples = await liveHeapSamples(reference.url, API_KEY, TEN_THOUSAND_RUNS, LIVE_HEAP_EVERY);
        heapNote = samples.map((x) => `${x.cases}: ${(x.heapUsedBytes / MB).toFixed(1)} MB`).join(', ');
        return liveHeapGrowth(samples);
      });
      log(`live heap samples: ${heapNote}`);
      add(
        row(
          `live heap growth over a 10,000-case run (${LIVE_HEAP_EVERY.toLocaleString('en-US')} cases → end)`,
          'ratio',
          heap,
          { kind: 'max', value: 1.25 },
          heapNote,
        ),
      );
      const huge = await startHugeTarget();
      try {
        const hostile = await rss('1 GiB body / endless stream run', async () => {
          const r = await runSuiteOnce({
            target: huge.url,
            apiKey: API_KEY,
            group: 'streaming',
            concurrency: 4,
            runs: 2,
            extraArgs: ['--phases', 'examples,positive', '--model', 'bench-model', '--timeout', '60000'],
            // The answers do not conform: the run finds failures (exit 1), which is expected here.
            acceptExit: [0, 1],
          });
          if (r.peakRssBytes === undefined)
            throw new Error('[mistral-conformance] Failed to read peak memory: /proc/<pid>/status was not readable. Run the bench on Linux.');
          return { peak: r.peakRssBytes, cases: r.cases };
        });
        add(
          row(
            'peak RSS, target answering 1 GiB bodies and endless streams',
            'MB',
            hostile.summary,
            { kind: 'max', value: 300 },
            `${hostile.cases} cases, chat + FIM`,
          ),
        );
      } finally {
        await huge.close();
      }
    }
  } finally {
    await reference.close();
    await rm(tmp, { recursive: true, force: true });
  }

  const seconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(`\nmistral-conformance bench: ${cores} cores, node ${process.version}, BENCH_RUNS=${runs}, ${seconds} s\n\n`);
  process.stdout.write(`${formatTable(rows)}\n`);
  const failed = rows.filter((r) => r.verdict === 'FAIL');
  process.stdout.write(`\n${failed.length === 0 ? 'all floors hold' : `${failed.length} floor(s) not met: ${failed.map((r) => r.figure).join('; ')}`}\n`);
  const out = join(packageRoot(), 'bench', 'results.json');
  await writeFile(
    out,
    `${JSON.stringify(
      {
        machine: { cores, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, platform: process.platform },
        runs,
        at: new Date().toISOString(),
        durationSeconds: seconds,
        figures: rows,
      },
      null,
      2,
    )}\n`,
  );
  process.stdout.write(`results: ${out}\n`);
  // A CI job can gate on the floors: exit 1 when one does not hold.
  if (failed.length) process.exitCode = 1;
}

main().then(
  () => undefined,
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
