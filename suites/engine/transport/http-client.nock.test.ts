// Transport faults injected with nock (which intercepts node:http and fetch in-process): the transport must
// behave the same under an interceptor as on a real socket.
import { Readable } from 'node:stream';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RequestSpec } from '../types.js';
import { createTransport, type TransportOptions } from './http-client.js';
import { baseOptions } from './test-support.js';

const BASE = 'http://mistral.test';
const KEY = 'sk-nock-SECRET-987654';

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

const t = (over: Partial<TransportOptions> = {}) => createTransport({ ...baseOptions, baseUrl: BASE, apiKey: KEY, ...over });
const get: RequestSpec = { method: 'GET', path: '/v1/models', query: [], headers: {}, auth: { kind: 'default' } };

describe('transport under nock', () => {
  it('reads an ordinary answer and sends the credentials', async () => {
    nock(BASE, { reqheaders: { authorization: `Bearer ${KEY}` } })
      .get('/v1/models')
      .reply(200, { object: 'list', data: [] });
    const ex = await t().send(get);
    expect(ex.error).toBeUndefined();
    expect(ex.response).toMatchObject({ status: 200, json: { object: 'list', data: [] } });
  });

  it('a delayed answer becomes a timeout', async () => {
    nock(BASE).get('/v1/models').delay(1000).reply(200, {});
    const ex = await t({ timeoutMs: 100 }).send(get);
    expect(ex.error?.kind).toBe('timeout');
  });

  it('replyWithError becomes a network error with a one-line message', async () => {
    nock(BASE).get('/v1/models').replyWithError('getaddrinfo ENOTFOUND mistral.test\nsecond line');
    const ex = await t().send(get);
    expect(ex.error?.kind).toBe('network');
    expect(ex.error!.message).not.toContain('\n');
  });

  it('a socket reset becomes a reset', async () => {
    // An Error, as a real reset is: nock's interceptor forwards only Error instances to node:http requests.
    nock(BASE)
      .get('/v1/models')
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const ex = await t().send(get);
    expect(ex.error?.kind).toBe('reset');
  });

  it('a huge streamed body is cut off at the cap', async () => {
    // nock's stand-in Response keeps draining its source after the reader is cancelled (the real-socket
    // test shows the connection itself is dropped); what matters here is that nothing past the cap is kept.
    let sent = 0;
    const huge = new Readable({
      read() {
        sent += 65536;
        this.push(sent > 32 * 1024 * 1024 ? null : Buffer.alloc(65536, 'a'));
      },
    });
    nock(BASE)
      .get('/v1/models')
      .reply(200, () => huge, { 'content-type': 'application/json' });
    const ex = await t({ maxResponseBytes: 256 * 1024 }).send(get);
    expect(ex.error?.kind).toBe('too-large');
    expect(ex.response!.truncated).toBe(true);
    expect(ex.response!.bytes).toBeLessThanOrEqual(256 * 1024 + 65536);
    expect(ex.response!.bodyText.length).toBeLessThan(17 * 1024);
  });

  it('a truncated JSON body is reported as unparseable, not thrown', async () => {
    nock(BASE).get('/v1/models').reply(200, '{"object":"list","da', { 'content-type': 'application/json' });
    const ex = await t().send(get);
    expect(ex.error).toBeUndefined();
    expect(ex.response!.jsonError).toBeDefined();
  });

  it('an SSE stream served by nock', async () => {
    nock(BASE).post('/v1/chat/completions').reply(200, 'data: {"choices":[]}\n\ndata: [DONE]\n\n', { 'content-type': 'text/event-stream' });
    const ex = await t().send(
      { ...get, method: 'POST', path: '/v1/chat/completions', stream: true, body: { kind: 'json', value: { stream: true } } },
      { sseTerminator: '[DONE]' },
    );
    expect(ex.response!.sse).toMatchObject({ eventCount: 2, end: 'terminator' });
  });

  it('retries a 429 and returns the last attempt', async () => {
    nock(BASE).get('/v1/models').reply(429, { message: 'Requests rate limit exceeded' }, { 'retry-after': '1' });
    nock(BASE).get('/v1/models').reply(200, { object: 'list', data: [] });
    const tr = t({ retry: { timeScale: 0.001 } });
    const ex = await tr.send(get);
    expect(ex.response!.status).toBe(200);
    expect(ex.retries).toBe(1);
    expect(tr.requestCount).toBe(2);
  });
});
