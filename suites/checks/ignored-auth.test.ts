import { describe, expect, it } from 'vitest';
import { ignoredAuth } from './ignored-auth.js';
import { CHAT, CHAT_BODY, exchange, judge, response, testCase } from './test-support/contexts.js';

describe('ignored-auth', () => {
  const none = testCase({ operationId: CHAT, auth: { kind: 'none' }, expectation: 'any' });
  const invalid = testCase({ operationId: CHAT, auth: { kind: 'invalid', value: 'nope' }, expectation: 'any' });
  it.each([401, 403])('passes %i', async (status) => {
    expect((await judge(ignoredAuth, none, exchange(response({ status, json: { message: 'Unauthorized' } }))))[0]!.status).toBe('passed');
  });
  it('fails data served without credentials or with invalid ones', async () => {
    for (const tc of [none, invalid]) {
      const [r] = await judge(ignoredAuth, tc, exchange(response({ json: CHAT_BODY })));
      expect(r!.status).toBe('failed');
    }
  });
  it('does not apply to authenticated requests', async () => {
    expect(await judge(ignoredAuth, testCase({ operationId: CHAT }), exchange(response({ json: CHAT_BODY })))).toEqual([]);
  });
});
