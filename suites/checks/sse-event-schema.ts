// Every data event but the terminator must be JSON valid against the documented event schema. The
// transport parses and validates events as they arrive; this check reads what it recorded.
import { clip } from '../engine/clip.js';
import type { Failure } from '../engine/types.js';
import { defineStreamCheck } from './define-stream-check.js';

const SHOWN = 3;

export const sseEventSchema = defineStreamCheck({
  id: 'sse-event-schema',
  title: 'Stream event not valid against the documented chunk schema',
  severity: 'high',
  description: 'Every SSE data event except the terminator is JSON and valid against the 2xx text/event-stream schema.',
  category: 'streaming',
  cutStreams: 'judge',
  judge(sse) {
    const failures: Failure[] = [];
    // The transcript keeps the first few problems; the counts (when the reader gives them) are exact.
    const nonJson = Math.max(sse.nonJsonCount ?? 0, sse.nonJson.length);
    const invalid = Math.max(sse.invalidCount ?? 0, sse.invalid.length);
    if (nonJson > 0) {
      const shown = sse.nonJson
        .slice(0, SHOWN)
        .map((e) => `#${e.index} ${JSON.stringify(clip(e.data, 80))}`)
        .join(', ');
      failures.push({
        message: `Received: ${nonJson} event(s) whose data is not JSON, first: ${shown}. Expected: every data event but the terminator is a JSON chunk.`,
      });
    }
    if (invalid > 0) {
      const shown = sse.invalid
        .slice(0, SHOWN)
        .map((e) => `#${e.index}: ${e.issues.slice(0, 2).join('; ')}`)
        .join(' | ');
      failures.push({
        message: `Received: ${invalid} event(s) not valid against the chunk schema, first: ${shown}. Expected: every event valid against the documented schema.`,
      });
    }
    return failures.length ? failures : undefined;
  },
});
