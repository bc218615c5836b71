import { describe, expect, it } from 'vitest';
import { ignoredAuth } from './ignored-auth.js';
import { createMistralStatusPolicy } from '../mistral/status-policy.js';
import { CHAT, CHAT_BODY, exchange, judge, pinnedSpecs, response, testCase } from './test-support/contexts.js';

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
  it('does not apply where the operation allows anonymous access (security: [{}, ...])', async () => {
    const { fixed: spec } = await pinnedSpecs();
    const chat = spec.operations.find((o) => o.id === CHAT)!;
    const ctx = { spec, testCase: none, step: 0, exchange: exchange(response({ json: CHAT_BODY })), policy: createMistralStatusPolicy() };
    expect(ignoredAuth.applies!({ ...ctx, operation: chat })).toBe(true);
    expect(ignoredAuth.applies!({ ...ctx, operation: { ...chat, security: [{}, { ApiKey: [] }] } })).toBe(false);
  });
});
