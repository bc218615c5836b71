// A request with `stream: true` must get an event stream back; a plain JSON body breaks every SSE client.
import { defineCheck } from './define-check.js';
import { baseMediaType } from '../openapi/model.js';
import { EVENT_STREAM, sseApplies } from './sse-scope.js';

export const sseContentType = defineCheck({
  id: 'sse-content-type',
  title: 'Stream request not answered with text/event-stream',
  severity: 'high',
  description: 'A 2xx answer to a request with stream: true has Content-Type text/event-stream.',
  category: 'streaming',
  judges: 'not-invalid',
  scope: 'exchange',
  applies: sseApplies,
  run({ exchange }) {
    const received = exchange.response?.contentType ?? '';
    if (baseMediaType(received) === EVENT_STREAM) return undefined;
    const what = received === '' ? 'no Content-Type' : received;
    const plainJson = baseMediaType(received) === 'application/json' ? ' (a plain JSON body: the server ignored stream: true)' : '';
    return { message: `Received: ${what}${plainJson}. Expected: ${EVENT_STREAM}, because the request set stream: true.` };
  },
});
