import { describe, expect, it } from 'vitest';
import { responseSchemaConformance } from './response-schema-conformance.js';
import { CHAT, CHAT_BODY, exchange, judge, response, testCase } from './test-support/contexts.js';

describe('response-schema-conformance', () => {
  const tc = testCase({ operationId: CHAT });
  it('passes a conforming chat completion (errata applied)', async () => {
    const [r] = await judge(responseSchemaConformance, tc, exchange(response({ json: CHAT_BODY })));
    expect(r!.status).toBe('passed');
  });
  it('fails a missing required field, naming where', async () => {
    const { usage: _u, ...noUsage } = CHAT_BODY;
    const [r] = await judge(responseSchemaConformance, tc, exchange(response({ json: noUsage })));
    expect(r!.status).toBe('failed');
    expect(r!.message).toContain("must have required property 'usage'");
  });
  it('fails a value outside an enum and a wrong type', async () => {
    const bad = { ...CHAT_BODY, created: 'yesterday', choices: [{ ...CHAT_BODY.choices[0], finish_reason: 'done' }] };
    const [r] = await judge(responseSchemaConformance, tc, exchange(response({ json: bad })));
    expect(r!.status).toBe('failed');
    expect(r!.message).toContain('/created');
    expect(r!.message).toContain('/choices/0/finish_reason');
  });
  it('does not fill defaults: an empty usage object fails', async () => {
    const [r] = await judge(responseSchemaConformance, tc, exchange(response({ json: { ...CHAT_BODY, usage: {} } })));
    expect(r!.status).toBe('failed');
  });
  it('fails a body that is not JSON', async () => {
    const [r] = await judge(responseSchemaConformance, tc, exchange(response({ body: '{"id": ', contentType: 'application/json' })));
    expect(r!.status).toBe('failed');
    expect(r!.message).toContain('not JSON');
  });
  it('with --no-errata, labels the missing `data` as a defect of the spec, not the server', async () => {
    const [r] = await judge(responseSchemaConformance, tc, exchange(response({ json: CHAT_BODY })), { literal: true });
    expect(r!.status).toBe('failed');
    expect(r!.kind).toBe('spec');
    expect(r!.message).toContain('chat-response-requires-data');
  });
  it('does not judge error statuses or streams', async () => {
    expect(await judge(responseSchemaConformance, tc, exchange(response({ status: 422, json: { detail: 'x' } })))).toEqual([]);
  });
});
