import { afterEach, describe, expect, it } from 'vitest';
import type { RequestSpec } from '../types.js';
import { createTransport, type TransportOptions } from './http-client.js';
import { baseOptions, parseMultipart, startServer, type Handler, type TestServer } from './test-support.js';

const KEY = 'sk-SECRET-abcdef0123456789';
let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function serve(handler: Handler): Promise<TestServer> {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}

function transport(server: { url: string }, over: Partial<TransportOptions> = {}) {
  return createTransport({ ...baseOptions, baseUrl: server.url, apiKey: KEY, ...over });
}

function req(over: Partial<RequestSpec> = {}): RequestSpec {
  return { method: 'GET', path: '/v1/models', query: [], headers: {}, auth: { kind: 'default' }, ...over };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_q, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

describe('requests', () => {
  it('sends bearer auth, a user agent and query through a base URL with a path prefix', async () => {
    const s = await serve(json(200, { object: 'list', data: [] }, { 'X-Request-Id': 'r1' }));
    const t = transport({ url: `${s.url}/proxy/mistral/` });
    const ex = await t.send(
      req({
        query: [
          ['page', '2'],
          ['q', 'a b&c'],
        ],
      }),
    );
    const got = s.received[0]!;
    expect(got.url).toBe('/proxy/mistral/v1/models?page=2&q=a%20b%26c');
    expect(got.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(got.headers['user-agent']).toBe('mistral-conformance/test');
    expect(ex.error).toBeUndefined();
    expect(ex.response).toMatchObject({ status: 200, contentType: 'application/json', json: { object: 'list', data: [] }, truncated: false });
    expect(ex.response!.headers['x-request-id']).toBe('r1');
    expect(ex.request.headers.Authorization).toBe('Bearer [REDACTED]');
    expect(ex.request.url).toBe(`${s.url}/proxy/mistral/v1/models?page=2&q=a%20b%26c`);
    expect(ex.timing.ttfbMs).toBeGreaterThanOrEqual(0);
    expect(t.requestCount).toBe(1);
  });

  it('sends no auth header for auth none, the given value for invalid, and a custom header when configured', async () => {
    const s = await serve(json(401, { message: 'Unauthorized' }));
    await transport(s).send(req({ auth: { kind: 'none' } }));
    await transport(s).send(req({ auth: { kind: 'invalid', value: 'wrong' } }));
    await transport(s, { authHeader: { name: 'x-api-key' } }).send(req());
    await createTransport({ ...baseOptions, baseUrl: s.url }).send(req());
    expect(s.received[0]!.headers.authorization).toBeUndefined();
    expect(s.received[1]!.headers.authorization).toBe('Bearer wrong');
    expect(s.received[2]!.headers['x-api-key']).toBe(KEY);
    expect(s.received[2]!.headers.authorization).toBeUndefined();
    expect(s.received[3]!.headers.authorization).toBeUndefined();
  });

  it('treats credentials given as extra headers as secrets, and drops them for no-auth cases', async () => {
    const s = await serve((q, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`you sent ${q.headers.authorization}`);
    });
    const t = createTransport({ ...baseOptions, baseUrl: s.url, extraHeaders: { Authorization: 'Bearer proxy-token-777' } });
    const ex = await t.send(req());
    await t.send(req({ auth: { kind: 'none' } }));
    expect(s.received[0]!.headers.authorization).toBe('Bearer proxy-token-777');
    expect(s.received[1]!.headers.authorization).toBeUndefined();
    expect(JSON.stringify(ex)).not.toContain('proxy-token-777');
  });

  it('sends JSON, raw and multipart bodies', async () => {
    const s = await serve(json(200, {}));
    const t = transport(s);
    const jsonEx = await t.send(req({ method: 'POST', body: { kind: 'json', value: { model: 'm', n: 1 } } }));
    await t.send(req({ method: 'POST', body: { kind: 'raw', text: '{"model": ', contentType: 'application/json' } }));
    await t.send(req({ method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: { kind: 'json', value: { a: 1 } } }));
    const mp = await t.send(
      req({
        method: 'POST',
        body: {
          kind: 'multipart',
          parts: [
            { name: 'purpose', value: 'batch' },
            { name: 'file', value: new Uint8Array([1, 2, 3]), filename: 'in.jsonl', contentType: 'application/jsonl' },
          ],
        },
      }),
    );
    const [a, b, c, d] = s.received;
    expect(a!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(a!.body.toString())).toEqual({ model: 'm', n: 1 });
    expect(jsonEx.request.json).toEqual({ model: 'm', n: 1 });
    expect(jsonEx.request.bodyText).toBe('{"model":"m","n":1}');
    expect(b!.body.toString()).toBe('{"model": ');
    expect(c!.headers['content-type']).toBe('text/plain');
    const parts = parseMultipart(String(d!.headers['content-type']), d!.body);
    expect(parts).toMatchObject([{ name: 'purpose' }, { name: 'file', filename: 'in.jsonl', contentType: 'application/jsonl' }]);
    expect([...parts[1]!.content]).toEqual([1, 2, 3]);
    expect(mp.request.bodyText).toContain('file=@in.jsonl (3 bytes, application/jsonl)');
  });
});

describe('responses', () => {
  it('parses JSON by content type or by look, and keeps parse errors', async () => {
    const bodies: Array<[string, string, number]> = [
      ['text/plain', '{"a":1}', 200],
      ['application/json', '{"a":', 200],
      ['application/json', '', 200],
      ['application/json', '', 204],
      ['application/problem+json', '{"p":1}', 400],
      ['text/html', '<html></html>', 502],
    ];
    const s = await serve((_q, res, _b, i) => {
      const [ct, body, status] = bodies[i]!;
      res.writeHead(status, { 'content-type': ct });
      res.end(body);
    });
    const t = transport(s);
    const out = [];
    for (let i = 0; i < bodies.length; i++) out.push((await t.send(req())).response!);
    expect(out[0]!.json).toEqual({ a: 1 });
    expect(out[1]!.json).toBeUndefined();
    expect(out[1]!.jsonError).toMatch(/JSON/);
    expect(out[2]!.jsonError).toBe('empty body');
    expect(out[3]!.jsonError).toBeUndefined();
    expect(out[4]!.json).toEqual({ p: 1 });
    expect(out[5]).toMatchObject({ status: 502, bodyText: '<html></html>' });
    expect(out[5]!.json).toBeUndefined();
    expect(out[5]!.jsonError).toBeUndefined();
  });

  it('cuts off an endless body at the cap instead of buffering it', async () => {
    let closed = false;
    const s = await serve((_q, res) => {
      res.on('close', () => (closed = true));
      res.writeHead(200, { 'content-type': 'application/json' });
      const block = Buffer.alloc(16 * 1024, 'a');
      const pump = (): void => {
        while (!res.destroyed && res.write(block));
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => res.destroy());
      pump();
    });
    const ex = await transport(s, { maxResponseBytes: 100_000, reportBodyLimit: 1000 }).send(req());
    expect(ex.error?.kind).toBe('too-large');
    expect(ex.response!.truncated).toBe(true);
    expect(ex.response!.json).toBeUndefined();
    expect(ex.response!.jsonError).toMatch(/cap/);
    expect(ex.response!.bodyText.length).toBeLessThan(1100);
    // The connection was dropped, not drained.
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(true);
  });

  it('decodes only the kept head of a body cut off at the cap, yet finds and redacts the key anywhere in it', async () => {
    const head = 'a'.repeat(990);
    // The key straddles the report limit (1000 characters) and comes again deep in the body.
    const body = `${head}${KEY}${'b'.repeat(60_000)}${KEY}${'c'.repeat(200_000)}`;
    const s = await serve((_q, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(body);
    });
    const ex = await transport(s, { maxResponseBytes: 100_000, reportBodyLimit: 1000 }).send(req());
    expect(ex.error?.kind).toBe('too-large');
    expect(ex.response!.truncated).toBe(true);
    expect(ex.response!.reflectedSecret).toEqual(['body']);
    expect(ex.response!.bodyText.startsWith(`${head}[REDACTED]`)).toBe(true);
    expect(ex.response!.bodyText).not.toContain('sk-');
    expect(ex.response!.bodyText).toMatch(/… \[\d+ more characters\]$/);
    expect(ex.response!.jsonError).toBeUndefined();
  });

  it('counts the characters left out of a long complete text body', async () => {
    const body = `${'é'.repeat(50_000)}${'x'.repeat(50_000)}`;
    const s = await serve((_q, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(body);
    });
    const ex = await transport(s, { reportBodyLimit: 1000 }).send(req());
    expect(ex.error).toBeUndefined();
    expect(ex.response!.bodyText).toBe(`${'é'.repeat(1000)}… [${body.length - 1000} more characters]`);
    expect(ex.response!.bytes).toBe(Buffer.byteLength(body));
  });

  it('keeps raw bytes when asked', async () => {
    const s = await serve((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.from([0, 255, 1]));
    });
    const ex = await transport(s).send(req(), { keepRawBody: true });
    expect([...ex.response!.raw!]).toEqual([0, 255, 1]);
    const without = await transport(s).send(req());
    expect(without.response!.raw).toBeUndefined();
  });
});

describe('failures become exchange errors, never throws', () => {
  it('connection refused', async () => {
    const s = await serve(json(200, {}));
    const url = s.url;
    await s.close();
    servers = [];
    const ex = await createTransport({ ...baseOptions, baseUrl: url, apiKey: KEY }).send(req());
    expect(ex.error?.kind).toBe('network');
    expect(ex.error!.message).toMatch(/ECONNREFUSED/);
    expect(ex.error!.message).not.toContain('\n');
    expect(ex.response).toBeUndefined();
  });

  it('no answer within the timeout', async () => {
    const s = await serve(() => undefined);
    const ex = await transport(s, { timeoutMs: 150 }).send(req());
    expect(ex.error?.kind).toBe('timeout');
  });

  it('a body that stalls past the timeout', async () => {
    const s = await serve((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
    });
    const ex = await transport(s, { timeoutMs: 200 }).send(req());
    expect(ex.error?.kind).toBe('timeout');
    expect(ex.response?.status).toBe(200);
    expect(ex.response?.bodyText).toBe('{"a":');
  });

  it('socket destroyed before the answer', async () => {
    const s = await serve((q) => void q.socket.destroy());
    const ex = await transport(s).send(req());
    expect(['reset', 'network']).toContain(ex.error?.kind);
  });

  it('connection closed mid-body', async () => {
    const s = await serve((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"partial":', () => res.socket?.destroy());
    });
    const ex = await transport(s).send(req());
    expect(ex.error?.kind).toBe('reset');
    expect(ex.response?.bodyText).toBe('{"partial":');
    expect(ex.response?.jsonError).toMatch(/incomplete/);
  });

  it('an aborted signal and a closed transport', async () => {
    const s = await serve(() => undefined);
    const t = transport(s);
    const ac = new AbortController();
    const pending = t.send(req(), { signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    expect((await pending).error?.kind).toBe('aborted');
    await t.close();
    expect((await t.send(req())).error?.kind).toBe('aborted');
  });

  it('rejects a bad base URL with a one-line error', () => {
    expect(() => createTransport({ ...baseOptions, baseUrl: 'not a url' })).toThrow(/^\[mistral-conformance\] Failed to create the transport: .*\.$/);
    expect(() => createTransport({ ...baseOptions, baseUrl: 'http://u:p@h' })).toThrow(/credentials/);
  });
});

describe('redaction: the key appears nowhere in the exchange', () => {
  it('even when the server echoes it in headers, JSON, text and streams', async () => {
    const s = await serve((q, res, body, i) => {
      const auth = String(q.headers.authorization);
      const key = auth.replace('Bearer ', '');
      if (i === 0) {
        res.writeHead(200, { 'content-type': 'application/json', 'x-echo': auth, 'set-cookie': `k=${key}` });
        res.end(JSON.stringify({ auth, [key]: key, body: body.toString() }));
      } else if (i === 1) {
        res.writeHead(401, { 'content-type': 'text/plain' });
        res.end(`bad key ${key} (${encodeURIComponent(key)}) ${Buffer.from(key).toString('base64')}`);
      } else {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end(`data: {"echo":"${key}"}\n\ndata: ${key}\n\ndata: [DONE]\n\n`);
      }
    });
    const t = transport(s);
    const exs = [
      await t.send(req({ method: 'POST', query: [['key', KEY]], headers: { 'x-forwarded-key': KEY }, body: { kind: 'json', value: { echo: KEY } } }), {
        keepRawBody: true,
      }),
      await t.send(req()),
      await t.send(req({ method: 'POST', stream: true, body: { kind: 'json', value: { stream: true } } }), {
        sseTerminator: '[DONE]',
        folds: [{ id: 'all', appliesTo: () => true, init: () => [], step: (st: unknown[], c) => [...st, c] }],
      }),
    ];
    expect(exs[0]!.response!.status).toBe(200);
    expect(exs[2]!.response!.sse!.eventCount).toBe(3);
    const dump = JSON.stringify(exs, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));
    expect(dump).not.toContain(KEY);
    expect(dump).not.toContain(encodeURIComponent(KEY));
    expect(dump).toContain('[REDACTED]');
  });
});

describe('redaction: every form a server may echo the key in, flagged and removed', () => {
  const hex = Buffer.from(KEY).toString('hex');
  const jsonEscaped = KEY.replace(/-/g, '\\u002d');
  const chunk = (content: string): string => `data: ${JSON.stringify({ id: 'c1', choices: [{ index: 0, delta: { content } }] })}\n\n`;
  const forms: Array<[string, Handler, boolean]> = [
    ['JSON-escaped in a body', (_q, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(`{"echo":"${jsonEscaped}"}`), false],
    ['as hex in a body', (_q, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(`{"echo":"${hex}"}`), false],
    ['as a header name', (_q, res) => void res.writeHead(200, { 'content-type': 'application/json', [`x-${KEY}`]: '1' }).end('{}'), false],
    ['as a JSON-escaped content type', (_q, res) => void res.writeHead(200, { 'content-type': `application/json; k=${KEY}` }).end('{}'), false],
    [
      'split across two stream events',
      (_q, res) =>
        void res
          .writeHead(200, { 'content-type': 'text/event-stream' })
          .end(`${chunk(`key: ${KEY.slice(0, 9)}`)}${chunk(`${KEY.slice(9)} !`)}data: [DONE]\n\n`),
      true,
    ],
    [
      'as the id and name of a stream event',
      (_q, res) => void res.writeHead(200, { 'content-type': 'text/event-stream' }).end(`event: ${KEY}\nid: ${hex}\n${chunk('hi')}data: [DONE]\n\n`),
      true,
    ],
    [
      'in a comment 100 KiB into a stream',
      (_q, res) => void res.writeHead(200, { 'content-type': 'text/event-stream' }).end(`${chunk('a'.repeat(1000)).repeat(100)}: ${KEY}\n\ndata: [DONE]\n\n`),
      true,
    ],
  ];
  it.each(forms)('%s', async (_name, handler, stream) => {
    const s = await serve(handler);
    const ex = await transport(s).send(req(stream ? { method: 'POST', stream: true, body: { kind: 'json', value: { stream: true } } } : {}), {
      sseTerminator: '[DONE]',
      folds: [
        {
          id: 'text',
          appliesTo: () => true,
          init: () => '',
          step: (st: string, c) => st + ((c as { choices?: Array<{ delta?: { content?: string } }> }).choices?.[0]?.delta?.content ?? ''),
        },
      ],
    });
    expect(ex.response!.reflectedSecret?.length).toBeGreaterThan(0);
    const dump = JSON.stringify(ex);
    for (const form of [KEY, KEY.toLowerCase(), hex, jsonEscaped, KEY.slice(0, 9), KEY.slice(9)]) expect(dump).not.toContain(form);
  });
});

describe('decompression', () => {
  it('cuts a gzip bomb off as too large, in a body and in a stream', async () => {
    const { gzipSync } = await import('node:zlib');
    const bomb = gzipSync(Buffer.alloc(16 * 1024 * 1024, 'a'));
    const s = await serve((q, res) => {
      const sse = q.url?.includes('stream');
      res.writeHead(200, { 'content-type': sse ? 'text/event-stream' : 'application/json', 'content-encoding': 'gzip' });
      res.end(bomb);
    });
    const t = transport(s, { maxResponseBytes: 64 * 1024 * 1024, maxStreamBytes: 64 * 1024 * 1024 });
    const whole = await t.send(req());
    expect(whole.error).toMatchObject({ kind: 'too-large', message: expect.stringMatching(/decompression bomb/) });
    const stream = await t.send(req({ path: '/stream', method: 'POST', stream: true, body: { kind: 'json', value: {} } }));
    expect(stream.error).toMatchObject({ kind: 'too-large', message: expect.stringMatching(/decompression bomb/) });
  });
});
