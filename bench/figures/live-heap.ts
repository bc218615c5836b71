// Live heap growth over a long run: the heap after a full collection late in the run, over the same
// early in the run (1.0 = flat). Runs live-heap-child.js in its own node with --expose-gc.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../suites/openapi/paths.js';
import type { LiveHeapSample } from '../live-heap-child.js';

export async function liveHeapSamples(target: string, apiKey: string, runs: number, every: number): Promise<LiveHeapSample[]> {
  const script = join(packageRoot(), 'dist', 'bench', 'live-heap-child.js');
  const child = spawn(process.execPath, ['--expose-gc', script, target, apiKey, String(runs), String(every)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4096)));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0 && code !== 1) throw new Error(`[mistral-conformance] Failed to sample the live heap: exit ${code} (${err.trim().split('\n').pop() ?? ''}).`);
  return JSON.parse(out.trim().split('\n').pop() ?? '[]') as LiveHeapSample[];
}

/** The largest later sample over the first one: how much the live heap grew after the first sample. */
export function liveHeapGrowth(samples: LiveHeapSample[]): number {
  const first = samples[0];
  if (!first || samples.length < 2) throw new Error('[mistral-conformance] Failed to measure live heap growth: fewer than two samples. Run more cases.');
  return Math.max(...samples.slice(1).map((x) => x.heapUsedBytes)) / first.heapUsedBytes;
}
