// Memory: peak RSS of a small and a 10,000-case run, the live heap across the long run (whether memory
// grows with cases), and the peak against a target answering 1 GiB bodies and endless streams.
import { liveHeapGrowth, liveHeapSamples } from '../figures/live-heap.js';
import { runSuiteOnce, type SuiteRunInput } from '../figures/suite-run.js';
import { startHugeTarget } from '../huge-target.js';
import { repeat, type Summary } from '../stats.js';
import { row } from '../table.js';
import { API_KEY, type BenchContext, MB } from './context.js';

/** `--runs` that plans about 10,000 cases over the pinned spec. */
const TEN_THOUSAND_RUNS = 480;
const SMALL_RUNS = 30;
/** Live heap sampled every this many cases. */
const LIVE_HEAP_EVERY = 1000;

interface PeakRss {
  summary: Summary;
  cases: number;
}

export async function memoryFigures(ctx: BenchContext): Promise<void> {
  const small = await peakRss(ctx, 'small run', { runs: SMALL_RUNS });
  const big = await peakRss(ctx, '10,000-case run', { runs: TEN_THOUSAND_RUNS });
  ctx.add(row(`peak RSS, ${small.cases.toLocaleString('en-US')}-case run`, 'MB', small.summary, { kind: 'max', value: 300 }));
  ctx.add(row(`peak RSS, ${big.cases.toLocaleString('en-US')}-case run`, 'MB', big.summary, { kind: 'max', value: 300 }));
  // Bounded: peak RSS also depends on how long V8 lets garbage pile up, so the live heap (after a
  // full collection) early and late in a 10,000-case run says whether memory grows with cases.
  const rssGrowth = {
    median: big.summary.median / small.summary.median,
    min: big.summary.min / small.summary.max,
    max: big.summary.max / small.summary.min,
    runs: ctx.runs,
  };
  const span = `${small.cases.toLocaleString('en-US')} → ${big.cases.toLocaleString('en-US')} cases`;
  ctx.add(row(`peak RSS growth, ${span}`, 'ratio', rssGrowth, undefined, 'garbage between collections included'));
  await liveHeapFigure(ctx);
  await hostileTargetFigure(ctx);
}

/** Peak RSS of a run of the whole suite against the reference server (or as `extra` says). */
async function peakRss(ctx: BenchContext, label: string, extra: Partial<SuiteRunInput>): Promise<PeakRss> {
  let cases = 0;
  const summary = await repeat(ctx.runs, async () => {
    const r = await runSuiteOnce({ target: ctx.reference.url, apiKey: API_KEY, group: 'all', concurrency: 8, runs: SMALL_RUNS, ...extra });
    if (r.peakRssBytes === undefined)
      throw new Error('[mistral-conformance] Failed to read peak memory: /proc/<pid>/status was not readable. Run the bench on Linux.');
    cases = r.cases;
    return Math.round((r.peakRssBytes / MB) * 10) / 10;
  });
  ctx.log(`${label}: ${cases} cases`);
  return { summary, cases };
}

async function liveHeapFigure({ runs, reference, add, log }: BenchContext): Promise<void> {
  let note = '';
  const heap = await repeat(runs, async () => {
    const samples = await liveHeapSamples(reference.url, API_KEY, TEN_THOUSAND_RUNS, LIVE_HEAP_EVERY);
    note = samples.map((x) => `${x.cases}: ${(x.heapUsedBytes / MB).toFixed(1)} MB`).join(', ');
    return liveHeapGrowth(samples);
  });
  log(`live heap samples: ${note}`);
  add(
    row(`live heap growth over a 10,000-case run (${LIVE_HEAP_EVERY.toLocaleString('en-US')} cases → end)`, 'ratio', heap, { kind: 'max', value: 1.25 }, note),
  );
}

async function hostileTargetFigure(ctx: BenchContext): Promise<void> {
  const huge = await startHugeTarget();
  try {
    const hostile = await peakRss({ ...ctx, reference: huge }, '1 GiB body / endless stream run', {
      group: 'streaming',
      concurrency: 4,
      runs: 2,
      extraArgs: ['--phases', 'examples,positive', '--model', 'bench-model', '--timeout', '60000'],
      // The answers do not conform: the run finds failures (exit 1), which is expected here.
      acceptExit: [0, 1],
    });
    ctx.add(
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
