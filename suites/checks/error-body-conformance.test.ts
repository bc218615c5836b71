import { describe, expect, it } from 'vitest';
import { errorBodyConformance } from './error-body-conformance.js';
import { CHAT, exchange, judge, response, testCase } from './test-support/contexts.js';

const violation = { constraint: 'maximum', location: 'body.temperature', detail: 'temperature = 2.7 (maximum 1.5)', expectedLoc: ['body', 'temperature'] };
const tc = testCase({ operationId: CHAT, expectation: 'reject', violation });
const detail = (loc: unknown[]) => ({ detail: [{ loc, msg: 'too big', type: 'less_than_equal' }] });

describe('error-body-conformance', () => {
  it('passes an HTTPValidationError naming the broken field', async () => {
    expect((await judge(errorBodyConformance, tc, exchange(response({ status: 422, json: detail(['body', 'temperature']) }))))[0]!.status).toBe('passed');
  });
  it('passes a loc with a union tag inserted (pydantic)', async () => {
    const tc2 = testCase({ operationId: CHAT, expectation: 'reject', violation: { ...violation, expectedLoc: ['body', 'messages', 0, 'role'] } });
    expect(
      (await judge(errorBodyConformance, tc2, exchange(response({ status: 422, json: detail(['body', 'messages', 0, 'user', 'role']) }))))[0]!.status,
    ).toBe('passed');
  });
  it('fails a loc pointing at another field', async () => {
    const [r] = await judge(errorBodyConformance, tc, exchange(response({ status: 422, json: detail(['body', 'top_p']) })));
    expect(r!.status).toBe('failed');
    expect(r!.message).toContain('["body","temperature"]');
  });
  it('fails a 422 body in an unknown shape', async () => {
    const [r] = await judge(errorBodyConformance, tc, exchange(response({ status: 422, json: { error: 'bad request' } })));
    expect(r!.status).toBe('failed');
  });
  it("warns on the real API's 2024 envelope (validation detail inside message)", async () => {
    const real = { object: 'error', message: '{"detail":[]}', type: 'internal_error_proxy', param: null, code: '1000' };
    expect((await judge(errorBodyConformance, tc, exchange(response({ status: 422, json: real }))))[0]!.status).toBe('warning');
  });
  it('checks undocumented error bodies against the policy shapes', async () => {
    const ok = await judge(
      errorBodyConformance,
      testCase({ operationId: CHAT, expectation: 'any' }),
      exchange(response({ status: 401, json: { message: 'Unauthorized', request_id: 'x' } })),
    );
    expect(ok[0]!.status).toBe('passed');
    const bad = await judge(
      errorBodyConformance,
      testCase({ operationId: CHAT, expectation: 'any' }),
      exchange(response({ status: 401, body: '<html>nope</html>', contentType: 'text/html' })),
    );
    expect(bad[0]!.status).toBe('failed');
  });
});
