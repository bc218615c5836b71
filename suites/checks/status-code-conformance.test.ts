import { describe, expect, it } from 'vitest';
import { statusCodeConformance } from './status-code-conformance.js';
import { CHAT, CHAT_BODY, exchange, judge, response, testCase } from './test-support/contexts.js';

const RETRIEVE_FILE = 'files_api_routes_retrieve_file';

describe('status-code-conformance', () => {
  it('passes documented statuses', async () => {
    for (const status of [200, 422]) {
      const [r] = await judge(statusCodeConformance, testCase({ operationId: CHAT }), exchange(response({ status, json: CHAT_BODY })));
      expect(r!.status).toBe('passed');
    }
  });
  it('fails an undocumented success code (201)', async () => {
    const [r] = await judge(statusCodeConformance, testCase({ operationId: CHAT }), exchange(response({ status: 201, json: CHAT_BODY })));
    expect(r!.status).toBe('failed');
    expect(r!.message).toMatch(/Received: 201\nDocumented: 200, 422/);
  });
  it('allows 404 for an id that does not exist, fails it for a valid request', async () => {
    const unknown = testCase({ operationId: RETRIEVE_FILE, expectation: 'any', situation: 'unknown-resource', method: 'GET' });
    const [ok] = await judge(statusCodeConformance, unknown, exchange(response({ status: 404, json: { message: 'not found' } })));
    expect(ok!.status).toBe('passed');
    const valid = testCase({ operationId: RETRIEVE_FILE, method: 'GET' });
    const [bad] = await judge(statusCodeConformance, valid, exchange(response({ status: 404, json: { message: 'not found' } })));
    expect(bad!.status).toBe('failed');
  });
  it('allows 401 without credentials and fails it with valid ones', async () => {
    const none = testCase({ operationId: CHAT, auth: { kind: 'none' }, expectation: 'any' });
    expect((await judge(statusCodeConformance, none, exchange(response({ status: 401, json: { message: 'Unauthorized' } }))))[0]!.status).toBe('passed');
    expect(
      (await judge(statusCodeConformance, testCase({ operationId: CHAT }), exchange(response({ status: 401, json: { message: 'Unauthorized' } }))))[0]!.status,
    ).toBe('failed');
  });
  it('reports 429 after retries as a warning, not a failure', async () => {
    const [r] = await judge(
      statusCodeConformance,
      testCase({ operationId: CHAT }),
      exchange(response({ status: 429, json: { message: 'Requests rate limit exceeded' } })),
    );
    expect(r!.status).toBe('warning');
  });
  it('leaves 5xx to not-a-server-error', async () => {
    expect(await judge(statusCodeConformance, testCase({ operationId: CHAT }), exchange(response({ status: 500, body: 'x' })))).toEqual([]);
  });
});
