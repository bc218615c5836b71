import { describe, expect, it } from 'vitest';
import { positiveDataAcceptance } from './positive-data-acceptance.js';
import { CHAT, CHAT_BODY, exchange, judge, response, testCase } from './test-support/contexts.js';

describe('positive-data-acceptance', () => {
  const tc = testCase({ operationId: CHAT });
  it('passes a 200', async () => {
    expect((await judge(positiveDataAcceptance, tc, exchange(response({ json: CHAT_BODY }))))[0]!.status).toBe('passed');
  });
  it('fails a 422 for a valid request (e.g. stop given as an array)', async () => {
    const req = { model: 'm', messages: [{ role: 'user', content: 'hi' }], stop: ['.', '!'] };
    const [r] = await judge(
      positiveDataAcceptance,
      tc,
      exchange(response({ status: 422, json: { detail: [{ loc: ['body', 'stop'], msg: 'str type expected', type: 'type_error' }] } }), { json: req }),
    );
    expect(r!.status).toBe('failed');
    expect(r!.message).toContain('"stop":[".","!"]');
  });
  it('skips a 429 after retries', async () => {
    expect((await judge(positiveDataAcceptance, tc, exchange(response({ status: 429, json: { message: 'slow down' } }))))[0]!.status).toBe('skipped');
  });
});
