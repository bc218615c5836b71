// When the document declares a terminator (`x-sse-terminator`, e.g. `[DONE]`), clients wait for it:
// a stream that closes without it, or keeps sending after it, breaks them.
import type { ExchangeCheck } from '../engine/types.js';
import { declaredTerminator, sseApplies, streamWasCut } from './sse-scope.js';

export const sseTerminator: ExchangeCheck = {
  id: 'sse-terminator',
  title: 'Stream not ended by the documented terminator',
  severity: 'medium',
  description: 'A stream ends with the declared terminator event (data: [DONE]) and nothing follows it.',
  category: 'streaming',
  scope: 'exchange',
  applies: (ctx) => sseApplies(ctx) && declaredTerminator(ctx.operation) !== undefined,
  run({ operation, exchange }) {
    const terminator = declaredTerminator(operation) ?? '';
    const sse = exchange.response?.sse;
    if (!sse) return { skip: 'the answer is not an event stream (see sse-content-type)' };
    if (streamWasCut(sse.end)) return { skip: `the stream was cut (${sse.end}); sse-stream-completes reports it` };
    if (!sse.terminatorSeen) {
      return { message: `Received: the stream closed after ${sse.eventCount} event(s) without a terminator. Expected: a final event "data: ${terminator}".` };
    }
    if (sse.afterTerminator > 0) {
      return { message: `Received: ${sse.afterTerminator} event(s) or non-blank line(s) after "data: ${terminator}". Expected: nothing after the terminator.` };
    }
    return undefined;
  },
};
