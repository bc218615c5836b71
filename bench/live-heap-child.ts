// Child of the bench (run with --expose-gc): one suite run in-process, with the live heap (after a
// full collection) sampled as cases finish. Flat samples show that memory does not grow with cases;
// peak RSS alone mixes that with how long V8 lets garbage pile up between collections.
import { runConformance } from '../suites/api.js';

const gc = (globalThis as { gc?: () => void }).gc;

export interface LiveHeapSample {
  cases: number;
  heapUsedBytes: number;
}

async function main(): Promise<void> {
  const [target, apiKey, runs, every] = process.argv.slice(2);
  if (!gc || !target || !apiKey)
    throw new Error('[mistral-conformance] Failed to sample the live heap: run as node --expose-gc live-heap-child.js <target> <api-key> <runs> <every>.');
  const samples: LiveHeapSample[] = [];
  const step = Number(every ?? 1000);
  let cases = 0;
  const sample = (): void => {
    gc();
    samples.push({ cases, heapUsedBytes: process.memoryUsage().heapUsed });
  };
  await runConformance({
    target,
    apiKey,
    runs: Number(runs ?? 8),
    concurrency: 8,
    listeners: [
      (e) => {
        if (e.type !== 'case-finished') return;
        cases++;
        if (cases % step === 0) sample();
      },
    ],
  });
  sample();
  process.stdout.write(`${JSON.stringify(samples)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
