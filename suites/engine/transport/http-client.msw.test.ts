// The transport under msw (another in-process fetch interceptor users mock targets with).
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransport } from './http-client.js';
import { baseOptions } from './test-support.js';

const BASE = 'http://msw.test/api';
const server = setupServer(
  http.get(`${BASE}/v1/models`, ({ request }) => HttpResponse.json({ auth: request.headers.get('authorization') === 'Bearer sk-msw-key-1' })),
  http.post(`${BASE}/v1/chat/completions`, () => {
    const enc = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(enc.encode('data: {"choices":[]}\n\n'));
        c.enqueue(enc.encode('data: [DONE]\n\n'));
        c.close();
      },
    });
    return new HttpResponse(body, { headers: { 'content-type': 'text/event-stream' } });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('transport under msw', () => {
  const t = () => createTransport({ ...baseOptions, baseUrl: BASE, apiKey: 'sk-msw-key-1' });
  it('sends and reads JSON', async () => {
    const ex = await t().send({ method: 'GET', path: '/v1/models', query: [], headers: {}, auth: { kind: 'default' } });
    expect(ex.response?.json).toEqual({ auth: true });
  });
  it('reads a stream', async () => {
    const ex = await t().send(
      { method: 'POST', path: '/v1/chat/completions', query: [], headers: {}, auth: { kind: 'default' }, stream: true, body: { kind: 'json', value: {} } },
      { sseTerminator: '[DONE]' },
    );
    expect(ex.response?.sse).toMatchObject({ eventCount: 2, end: 'terminator' });
  });
});
