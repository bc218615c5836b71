// The SSE reader over real sockets, through the transport: the stream variants real and faulty servers send.
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestSpec, StreamFold } from '../types.js';
import { createTransport, type SendContext, type TransportOptions } from './http-client.js';
import { baseOptions, startServer, type Handler, type TestServer } from './test-support.js';

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function stream(handler: Handler, over: Partial<TransportOptions> = {}, request: Partial<RequestSpec> = {}, ctx: SendContext = {}) {
  const s = await startServer(handler);
  servers.push(s);
  const t = createTransport({ ...baseOptions, baseUrl: s.url, apiKey: 'sk-test-key-123', ...over });
  const ex = await t.send(
    {
      method: 'POST',
      path: '/v1/chat/completions',
      query: [],
      headers: {},
      auth: { kind: 'default' },
      stream: true,
      body: { kind: 'json', value: { stream: true } },
      ...request,
    },
    { sseTerminator: '[DONE]', folds: [contentFold], ...ctx },
  );
  return { ex, server: s, sse: ex.response?.sse };
}

const chunk = (content: string) => `{"choices":[{"index":0,"delta":{"content":${JSON.stringify(content)}}}]}`;
const contentFold: StreamFold<string> = {
  id: 'content',
  appliesTo: () => true,
  init: () => '',
  step: (s, c) => s + ((c as { choices?: Array<{ delta?: { content?: string } }> }).choices?.[0]?.delta?.content ?? ''),
};

function sse(res: ServerResponse, contentType = 'text/event-stream; charset=utf-8'): void {
  res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-cache' });
}

/** Writes the pieces one per tick so that the client sees them as separate chunks. */
function writeSlowly(res: ServerResponse, pieces: Array<string | Buffer>, end = true): void {
  let i = 0;
  const next = (): void => {
    if (res.destroyed) return;
    if (i < pieces.length) {
      res.write(pieces[i++]!);
      setTimeout(next, 5);
    } else if (end) res.end();
  };
  next();
}

describe('SSE over the wire', () => {
  it('reads a conforming stream with the terminator', async () => {
    const { ex, sse: t } = await stream((_q, res) => {
      sse(res);
      writeSlowly(res, [`data: ${chunk('Hel')}\n\n`, `data: ${chunk('lo')}\n\n`, 'data: [DONE]\n\n']);
    });
    expect(ex.error).toBeUndefined();
    expect(t).toMatchObject({ eventCount: 3, end: 'terminator', terminatorSeen: true, afterTerminator: 0, folds: { content: 'Hello' } });
    expect(t!.firstEventMs).toBeGreaterThanOrEqual(0);
    expect(t!.gapsMs.count).toBe(2);
    expect(ex.response!.bodyText.startsWith('data: ')).toBe(true);
  });

  it('handles events split mid-line, split UTF-8 characters, CRLF, comments and multi-line data', async () => {
    const emoji = Buffer.from(chunk('é😀'));
    const cut = emoji.indexOf(Buffer.from('😀')) + 2;
    const { sse: t } = await stream((_q, res) => {
      sse(res);
      writeSlowly(res, [
        ': ping\r\n\r\n',
        'da',
        'ta: ',
        Buffer.concat([emoji.subarray(0, cut)]),
        Buffer.concat([emoji.subarray(cut), Buffer.from('\r\n\r\n')]),
        'data: {"choices":\r\ndata: []}\r\n\r\n',
        'data: [DONE]\r\n\r\n',
      ]);
    });
    expect(t).toMatchObject({ eventCount: 3, end: 'terminator', nonJson: [], folds: { content: 'é😀' } });
  });

  it('reads SSE served as application/json when the request asked for a stream', async () => {
    const { sse: t, ex } = await stream((_q, res) => {
      sse(res, 'application/json');
      writeSlowly(res, ['\n', 'da', `ta: ${chunk('x')}\n\n`, 'data: [DONE]\n\n']);
    });
    expect(ex.response!.contentType).toBe('application/json');
    expect(t).toMatchObject({ eventCount: 2, end: 'terminator', folds: { content: 'x' } });
    expect(ex.response!.json).toBeUndefined();
  });

  it('reads a JSON error answer to a stream request as JSON', async () => {
    const { ex } = await stream((_q, res) => {
      res.writeHead(422, { 'content-type': 'application/json' });
      res.end('{"detail":[]}');
    });
    expect(ex.response!.sse).toBeUndefined();
    expect(ex.response!.json).toEqual({ detail: [] });
  });

  it('does not treat a non-stream request as SSE unless the content type says so', async () => {
    const { ex } = await stream(
      (_q, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('data: {}\n\n');
      },
      {},
      { stream: false },
    );
    expect(ex.response!.sse).toBeUndefined();
  });

  it('reports data after [DONE]', async () => {
    const { sse: t } = await stream((_q, res) => {
      sse(res);
      res.end(`data: ${chunk('a')}\n\ndata: [DONE]\n\ndata: ${chunk('late')}\n\n`);
    });
    expect(t).toMatchObject({ terminatorSeen: true, afterTerminator: 1, folds: { content: 'a' } });
  });

  it('stops at the idle timeout on a stalled stream and closes the connection', async () => {
    let closed = false;
    const { sse: t, ex } = await stream(
      (_q, res) => {
        sse(res);
        res.on('close', () => (closed = true));
        res.write(`data: ${chunk('a')}\n\n`);
      },
      { streamIdleTimeoutMs: 200 },
    );
    expect(t).toMatchObject({ end: 'idle-timeout', eventCount: 1, terminatorSeen: false });
    expect(ex.error?.kind).toBe('timeout');
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(true);
  });

  it('keep-alive comments do not count as idleness, the total timeout still ends the stream', async () => {
    const { sse: t } = await stream(
      (_q, res) => {
        sse(res);
        const iv = setInterval(() => (res.destroyed ? clearInterval(iv) : res.write(': keep-alive\n\n')), 20);
      },
      { streamIdleTimeoutMs: 150, streamTotalTimeoutMs: 600 },
    );
    expect(t!.end).toBe('total-timeout');
  });

  it('treats a connection left open after [DONE] as the end, not a timeout', async () => {
    const { sse: t, ex } = await stream(
      (_q, res) => {
        sse(res);
        res.write(`data: ${chunk('a')}\n\ndata: [DONE]\n\n`);
      },
      { streamIdleTimeoutMs: 150 },
    );
    expect(t!.end).toBe('terminator');
    expect(ex.error).toBeUndefined();
  });

  it('cuts off an endless stream at maxStreamBytes', async () => {
    const { sse: t, ex } = await stream(
      (_q, res) => {
        sse(res);
        const ev = `data: ${chunk('x'.repeat(200))}\n\n`.repeat(50);
        const pump = (): void => {
          while (!res.destroyed && res.write(ev));
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
      },
      { maxStreamBytes: 200_000 },
    );
    expect(t!.end).toBe('too-large');
    expect(ex.response!.truncated).toBe(true);
    expect(ex.error?.kind).toBe('too-large');
    expect(t!.eventCount).toBeGreaterThan(100);
    expect(t!.events.length).toBeLessThanOrEqual(60);
  });

  it('cuts off one endless event (no blank line ever) at maxStreamBytes', async () => {
    const { sse: t } = await stream(
      (_q, res) => {
        sse(res);
        res.write('data: ');
        const pump = (): void => {
          while (!res.destroyed && res.write('x'.repeat(8192)));
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
      },
      { maxStreamBytes: 100_000 },
    );
    expect(t!.end).toBe('too-large');
    expect(t!.eventCount).toBe(0);
  });

  it('reports a reset mid-stream without crashing', async () => {
    const { sse: t, ex } = await stream((_q, res) => {
      sse(res);
      res.write(`data: ${chunk('a')}\n\n`, () => setTimeout(() => res.socket?.destroy(), 20));
    });
    expect(t).toMatchObject({ end: 'reset', eventCount: 1, folds: { content: 'a' } });
    expect(ex.error?.kind).toBe('reset');
  });

  it('ends as eof when the server closes without the terminator', async () => {
    const { sse: t, ex } = await stream((_q, res) => {
      sse(res);
      res.end(`data: ${chunk('a')}\n\n`);
    });
    expect(t!.end).toBe('eof');
    expect(ex.error).toBeUndefined();
  });

  it('validates each event as it arrives', async () => {
    const { sse: t } = await stream(
      (_q, res) => {
        sse(res);
        res.end(`data: ${chunk('a')}\n\ndata: {"nope":1}\n\ndata: oops\n\ndata: [DONE]\n\n`);
      },
      {},
      {},
      { validateEvent: (c) => (c && typeof c === 'object' && 'choices' in c ? [] : ['/ must have required property choices']) },
    );
    expect(t!.invalid).toEqual([{ index: 1, issues: ['/ must have required property choices'] }]);
    expect(t!.nonJson).toEqual([{ index: 2, data: 'oops' }]);
  });
});
