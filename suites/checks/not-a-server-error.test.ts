import { describe, expect, it } from 'vitest';
import { notAServerError } from './not-a-server-error.js';
import { CHAT, CHAT_BODY, exchange, judge, response, testCase } from './test-support/contexts.js';

describe('not-a-server-error', () => {
  const tc = testCase({ operationId: CHAT });
  it.each([200, 201, 400, 404, 422, 429])('stays quiet on %i', async (status) => {
    const [r] = await judge(notAServerError, tc, exchange(response({ status, json: CHAT_BODY })));
    expect(r!.status).toBe('passed');
  });
  it.each([500, 502, 503])('fires on %i', async (status) => {
    const [r] = await judge(notAServerError, tc, exchange(response({ status, json: { message: 'boom' } })));
    expect(r!.status).toBe('failed');
    expect(r!.message).toContain(`Received: ${status}`);
  });
  it('fires when the connection is reset without an answer', async () => {
    const [r] = await judge(notAServerError, tc, exchange(undefined, {}, { kind: 'reset', message: 'socket hang up' }));
    expect(r!.status).toBe('failed');
    expect(r!.message).toContain('socket hang up');
  });
});
