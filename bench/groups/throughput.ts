// Run throughput against the ceiling of a bare load generator replaying the suite's own requests.
import { loadGeneratorRps, recordSuiteRequests } from '../figures/ceiling.js';
import type { RecordedRequest } from '../recording-proxy.js';
import { runSuiteOnce, type OperationGroup } from '../figures/suite-run.js';
import { summarize } from '../stats.js';
import { row } from '../table.js';
import { API_KEY, type BenchContext } from './context.js';

/** Random cases per operation in the throughput runs: a few seconds per run at concurrency 1. */
const SWEEP_RUNS = 16;
const CEILING_SECONDS = 3;
const GROUPS: OperationGroup[] = ['non-streaming', 'streaming'];

export async function throughputFigures(ctx: BenchContext): Promise<void> {
  for (const group of GROUPS) {
    const recorded = await recordSuiteRequests(ctx.reference.url, API_KEY, group, SWEEP_RUNS);
    ctx.log(`${group}: recorded ${recorded.length} requests for the load generator`);
    for (const concurrency of [1, 8, 32]) await sweepPoint(ctx, group, concurrency, recorded);
  }
}

async function sweepPoint({ runs, reference, add }: BenchContext, group: OperationGroup, concurrency: number, recorded: RecordedRequest[]): Promise<void> {
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
