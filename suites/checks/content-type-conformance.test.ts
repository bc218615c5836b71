import { describe, expect, it } from 'vitest';
import { contentTypeConformance } from './content-type-conformance.js';
import { CHAT, CHAT_BODY, exchange, judge, response, testCase } from './test-support/contexts.js';

describe('content-type-conformance', () => {
  const tc = testCase({ operationId: CHAT });
  it.each(['application/json', 'application/json; charset=utf-8', 'text/event-stream; charset=utf-8'])('passes %s', async (ct) => {
    const [r] = await judge(contentTypeConformance, tc, exchange(response({ json: CHAT_BODY, contentType: ct })));
    expect(r!.status).toBe('passed');
  });
  it('fails JSON served as text/plain', async () => {
    const [r] = await judge(contentTypeConformance, tc, exchange(response({ json: CHAT_BODY, contentType: 'text/plain' })));
    expect(r!.status).toBe('failed');
    expect(r!.message).toContain('Received: text/plain');
  });
  it('fails a body without a Content-Type', async () => {
    const [r] = await judge(contentTypeConformance, tc, exchange(response({ body: JSON.stringify(CHAT_BODY), contentType: '' })));
    expect(r!.status).toBe('failed');
  });
  it('does not apply to undocumented statuses or empty bodies', async () => {
    expect(await judge(contentTypeConformance, tc, exchange(response({ status: 404, body: 'x', contentType: 'text/html' })))).toEqual([]);
    expect(await judge(contentTypeConformance, tc, exchange(response({ status: 200, body: '', contentType: '' })))).toEqual([]);
  });
});
