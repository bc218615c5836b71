import { describe, expect, it } from 'vitest';
import { credentialReflection } from './credential-reflection.js';
import { CHAT, exchange, judge, response, testCase } from './test-support/contexts.js';

describe('credential-reflection', () => {
  const tc = testCase({ operationId: CHAT, expectation: 'any' });
  it('passes when the transport found no echo of the key', async () => {
    expect((await judge(credentialReflection, tc, exchange(response({ status: 401, json: { message: 'Unauthorized' } }))))[0]!.status).toBe('passed');
  });
  it('fails when the key came back', async () => {
    const [r] = await judge(credentialReflection, tc, exchange(response({ status: 401, json: { message: 'bad key [REDACTED]' }, reflectedSecret: ['body'] })));
    expect(r!.status).toBe('failed');
    expect(r!.message).toContain('body');
  });
});
