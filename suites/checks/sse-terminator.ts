// When the document declares a terminator (`x-sse-terminator`, e.g. `[DONE]`), clients wait for it:
// a stream that closes without it, or keeps sending after it, breaks them.
import { defineStreamCheck } from './define-stream-check.js';
import { declaredTerminator } from './sse-scope.js';

export const sseTerminator = defineStreamCheck({
  id: 'sse-terminator',
  title: 'Stream not ended by the documented terminator',
  severity: 'medium',
  description: 'A stream ends with the declared terminator event (data: [DONE]) and nothing follows it.',
  category: 'streaming',
  alsoApplies: (ctx) => declaredTerminator(ctx.operation) !== undefined,
  cutStreams: 'skip',
  judge(sse, { operation }) {
    const terminator = declaredTerminator(operation) ?? '';
    if (!sse.terminatorSeen) {
      return { message: `Received: the stream closed after ${sse.eventCount} event(s) without a terminator. Expected: a final event "data: ${terminator}".` };
    }
    if (sse.afterTerminator > 0) {
      return { message: `Received: ${sse.afterTerminator} event(s) or non-blank line(s) after "data: ${terminator}". Expected: nothing after the terminator.` };
    }
    return undefined;
  },
});
