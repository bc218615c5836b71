// A stream must run to its end: a reset, a stall, the total time limit or the size cap leave the
// client with a partial answer. The message says which and when, so slow servers can be told apart.
import type { SseTranscript } from '../engine/types.js';
import { defineStreamCheck } from './define-stream-check.js';
import { streamWasCut } from './sse-scope.js';

const WHAT: Record<string, string> = {
  reset: 'the connection was reset mid-stream',
  'idle-timeout': 'the stream stalled (no event within the idle timeout)',
  'total-timeout': 'the stream exceeded the total time limit',
  'too-large': 'the stream exceeded the size limit and was cut off',
};

function lastEventMs(sse: SseTranscript): number | undefined {
  return sse.events[sse.events.length - 1]?.atMs;
}

export const sseStreamCompletes = defineStreamCheck({
  id: 'sse-stream-completes',
  title: 'Stream did not complete',
  severity: 'high',
  description: 'A stream ends normally: no reset, stall (idle timeout), total timeout or size cut-off.',
  category: 'streaming',
  cutStreams: 'judge',
  judge(sse, { exchange }) {
    if (!streamWasCut(sse.end)) return undefined;
    const last = lastEventMs(sse);
    const when =
      `after ${sse.eventCount} event(s) and ${Math.round(exchange.timing.totalMs)} ms` +
      (last !== undefined ? ` (last event at ${Math.round(last)} ms)` : ' (no event received)');
    return { message: `Received: ${WHAT[sse.end] ?? sse.end} ${when}. Expected: the stream runs to its end.` };
  },
});
