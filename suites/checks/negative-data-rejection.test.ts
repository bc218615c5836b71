import { describe, expect, it } from 'vitest';
import { negativeDataRejection } from './negative-data-rejection.js';
import { CHAT, CHAT_BODY, exchange, judge, response, testCase } from './test-support/contexts.js';

const violation = { constraint: 'maximum', location: 'body.temperature', detail: 'temperature = 2.7 (maximum 1.5)', expectedLoc: ['body', 'temperature'] };

describe('negative-data-rejection', () => {
  const tc = testCase({ operationId: CHAT, expectation: 'reject', violation });
  it('passes a 422', async () => {
    expect((await judge(negativeDataRejection, tc, exchange(response({ status: 422, json: { detail: [] } }))))[0]!.status).toBe('passed');
  });
  it('fails a 200 and says what was sent', async () => {
    const [r] = await judge(negativeDataRejection, tc, exchange(response({ json: CHAT_BODY })));
    expect(r!.status).toBe('failed');
    expect(r!.message).toContain('sent temperature = 2.7 (maximum 1.5), got 200');
  });
  it('fails a 500', async () => {
    expect((await judge(negativeDataRejection, tc, exchange(response({ status: 500, body: 'x' }))))[0]!.status).toBe('failed');
  });
  it('warns on 400 where 422 is documented', async () => {
    expect((await judge(negativeDataRejection, tc, exchange(response({ status: 400, json: { message: 'bad' } }))))[0]!.status).toBe('warning');
  });
  it('does not apply to positive cases', async () => {
    expect(await judge(negativeDataRejection, testCase({ operationId: CHAT }), exchange(response({ json: CHAT_BODY })))).toEqual([]);
  });
});
