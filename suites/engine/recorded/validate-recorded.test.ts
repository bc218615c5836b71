import { describe, expect, it } from 'vitest';
import { pinnedSpec } from '../../checks/test-support/sse.js';
import type { RecordedExchange } from './recorded-exchange.js';
import { toExchange } from './validate-recorded.js';

const spec = await pinnedSpec();
const op = spec.operations.find((o) => o.id === 'chat_completion_v1_chat_completions_post')!;
const KEY = 'sk-recorded-secret-1234';

function record(responseBody: string, status = 401): RecordedExchange {
  return {
    method: 'POST',
    url: `https://gw.example/v1/chat/completions?key=${KEY}`,
    requestHeaders: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    requestBody: JSON.stringify({ model: 'm', messages: [] }),
    status,
    responseHeaders: { 'content-type': 'application/json' },
    responseBody,
    source: 'test#0',
  };
}

describe('toExchange (recorded traffic)', () => {
  it("redacts the recording's credentials and notes where the answer echoed them", async () => {
    const ex = await toExchange(record(JSON.stringify({ message: `bad key ${KEY}` })), spec, op, []);
    expect(JSON.stringify(ex)).not.toContain(KEY);
    expect(ex.request.headers.authorization).toBe('Bearer [REDACTED]');
    expect(ex.response?.reflectedSecret).toEqual(['body']);
    expect(ex.response?.json).toEqual({ message: 'bad key [REDACTED]' });
  });
  it('notes no reflection when the answer does not echo the key', async () => {
    const ex = await toExchange(record(JSON.stringify({ message: 'Unauthorized' })), spec, op, []);
    expect(ex.response?.reflectedSecret).toBeUndefined();
    expect(ex.response?.json).toEqual({ message: 'Unauthorized' });
  });
});

describe('validateRecorded: what a recording broke, and streams without their request', () => {
  const run = async (rec: RecordedExchange) => {
    const { validateRecorded } = await import('./validate-recorded.js');
    const { genericChecks } = await import('../../checks/index.js');
    const { permissivePolicy } = await import('../../checks/test-support/sse.js');
    const results = await validateRecorded({
      spec,
      specSummary: { title: '', version: '', openapi: '', sha256: '', source: '', errataApplied: true, errata: [], lint: [] },
      records: [rec],
      checks: genericChecks,
      plugins: [],
      policy: permissivePolicy,
      listeners: [],
      tool: { name: 't', version: '0' },
      source: 'test',
    });
    return results.operations.find((o) => o.operationId === op.id)!;
  };
  const completion = JSON.stringify({
    id: 'x',
    object: 'chat.completion',
    model: 'm',
    created: 1,
    choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  });

  it('names the constraint of an invalid request that was accepted', async () => {
    const body = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }], temperature: 2 });
    const result = await run({ ...record(completion, 200), requestBody: body });
    const rejection = result.checks.find((c) => c.checkId === 'negative-data-rejection')!;
    expect(rejection.failed).toBe(1);
    expect(rejection.failures[0]!.message).toMatch(/^sent temperature = 2 \(must be <= 1\.5\), got 200/);
    expect(rejection.failures[0]!.violation).toMatchObject({ constraint: 'maximum', location: 'body.temperature' });
    expect(result.brokenConstraints).toEqual([{ constraint: 'maximum', location: 'body.temperature', cases: 1, checks: ['negative-data-rejection'] }]);
  });

  it('names a missing required property by its name', async () => {
    const result = await run({ ...record(completion, 200), requestBody: JSON.stringify({ model: 'm' }) });
    const rejection = result.checks.find((c) => c.checkId === 'negative-data-rejection')!;
    expect(rejection.failures[0]!.violation).toMatchObject({ constraint: 'required', location: 'body.messages' });
  });

  it('judges a recorded stream event by event even without its request body', async () => {
    const chunk = (delta: object, finish: string | null) =>
      JSON.stringify({ id: 'x', object: 'chat.completion.chunk', model: 'm', created: 1, choices: [{ index: 0, delta, finish_reason: finish }] });
    const stream = `data: ${chunk({ role: 'assistant', content: 'hi' }, null)}\n\ndata: ${chunk({ content: '' }, 'stop')}\n\n`; // no [DONE]
    const { requestBody: _none, ...rec } = record(stream, 200);
    const result = await run({ ...rec, responseHeaders: { 'content-type': 'text/event-stream' } });
    const byId = new Map(result.checks.map((c) => [c.checkId, c]));
    expect(byId.get('sse-event-schema')).toMatchObject({ passed: 1, failed: 0 });
    expect(byId.get('sse-terminator')).toMatchObject({ failed: 1 });
  });
});
