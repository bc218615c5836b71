// Summaries of repeated measurements: the median says what is typical, min and max how much it varied.
export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('[mistral-conformance] Failed to summarise: no measurements. Check that each bench run produced a figure.');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(values: readonly number[]): Summary {
  const m = median(values);
  return { median: m, min: Math.min(...values), max: Math.max(...values), runs: values.length };
}

/** Runs a measurement `runs` times, one after the other (concurrent runs would disturb each other). */
export async function repeat(runs: number, measure: (run: number) => Promise<number>): Promise<Summary> {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push(await measure(i));
  return summarize(values);
}

/** `BENCH_RUNS` (default 3): how many times each figure is measured. */
export function benchRuns(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.BENCH_RUNS;
  if (raw === undefined || raw === '') return 3;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`[mistral-conformance] Failed to read BENCH_RUNS: "${raw}" is not a positive integer. Use e.g. BENCH_RUNS=5.`);
  return n;
}

export const BENCH_GROUPS = ['startup', 'validation', 'throughput', 'sse', 'memory'] as const;
export type BenchGroup = (typeof BENCH_GROUPS)[number];

/** `BENCH_ONLY=startup,throughput`: measure only these groups of figures (all when unset). */
export function benchOnly(env: NodeJS.ProcessEnv = process.env): (group: BenchGroup) => boolean {
  const raw = env.BENCH_ONLY?.trim();
  if (!raw) return () => true;
  const wanted = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = wanted.filter((w) => !(BENCH_GROUPS as readonly string[]).includes(w));
  if (unknown.length)
    throw new Error(`[mistral-conformance] Failed to read BENCH_ONLY: unknown group "${unknown[0]}". Use a comma list of ${BENCH_GROUPS.join(', ')}.`);
  return (group) => wanted.includes(group);
}
