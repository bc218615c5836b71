import { describe, expect, it } from 'vitest';
import { pinnedSpec } from '../../checks/test-support/sse.js';
import type { RecordedExchange } from './recorded-exchange.js';
import { toExchange } from './validate-recorded.js';

const spec = await pinnedSpec();
const op = spec.operations.find((o) => o.id === 'chat_completion_v1_chat_completions_post')!;
const KEY = 'sk-recorded-secret-1234';

function record(responseBody: string, status = 401): RecordedExchange {
  return {
    method: 'POST',
    url: `https://gw.example/v1/chat/completions?key=${KEY}`,
    requestHeaders: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    requestBody: JSON.stringify({ model: 'm', messages: [] }),
    status,
    responseHeaders: { 'content-type': 'application/json' },
    responseBody,
    source: 'test#0',
  };
}

describe('toExchange (recorded traffic)', () => {
  it("redacts the recording's credentials and notes where the answer echoed them", async () => {
    const ex = await toExchange(record(JSON.stringify({ message: `bad key ${KEY}` })), spec, op, []);
    expect(JSON.stringify(ex)).not.toContain(KEY);
    expect(ex.request.headers.authorization).toBe('Bearer [REDACTED]');
    expect(ex.response?.reflectedSecret).toEqual(['body']);
    expect(ex.response?.json).toEqual({ message: 'bad key [REDACTED]' });
  });
  it('notes no reflection when the answer does not echo the key', async () => {
    const ex = await toExchange(record(JSON.stringify({ message: 'Unauthorized' })), spec, op, []);
    expect(ex.response?.reflectedSecret).toBeUndefined();
    expect(ex.response?.json).toEqual({ message: 'Unauthorized' });
  });
});
