// SSE events per second on one long stream.
import { prepareSseBench } from '../figures/sse.js';
import { repeat } from '../stats.js';
import { row } from '../table.js';
import type { BenchContext } from './context.js';

const SSE_EVENTS = 100_000;

export async function sseFigures({ runs, add }: BenchContext): Promise<void> {
  const sse = await prepareSseBench();
  add(
    row(`SSE events/s, one stream of ${SSE_EVENTS.toLocaleString('en-US')} events`, 'events/s', await repeat(runs, () => sse(SSE_EVENTS)), {
      kind: 'min',
      value: 50_000,
    }),
  );
}
