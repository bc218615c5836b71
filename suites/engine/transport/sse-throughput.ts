// Throughput of the real SSE path (socket → fetch → decoder → parser → JSON → validation → folds) on a
// synthetic stream of small chat chunks, for the benchmark script.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StreamFold } from '../types.js';
import { createTransport } from './http-client.js';

const BATCH = 500;

function syntheticChunk(i: number): string {
  return `data: {"id":"bench","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"t${i % 10}"},"finish_reason":null}]}\n\n`;
}

/** Counts content characters, like the suite's own folds do. */
const lengthFold: StreamFold<number> = {
  id: 'content-length',
  appliesTo: () => true,
  init: () => 0,
  step: (n, chunk) => {
    const c = (chunk as { choices?: Array<{ delta?: { content?: unknown } }> }).choices?.[0]?.delta?.content;
    return typeof c === 'string' ? n + c.length : n;
  },
};

export async function measureSseThroughput(
  events: number,
  validateEvent?: (chunk: unknown) => string[],
): Promise<{ events: number; ms: number; perSecond: number }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    let i = 0;
    const pump = (): void => {
      while (i < events) {
        let batch = '';
        const end = Math.min(events, i + BATCH);
        for (; i < end; i++) batch += syntheticChunk(i);
        if (!res.write(batch)) return void res.once('drain', pump);
      }
      res.end('data: [DONE]\n\n');
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const transport = createTransport({
      baseUrl: `http://127.0.0.1:${port}`,
      userAgent: 'mistral-conformance/bench',
      timeoutMs: 60_000,
      maxResponseBytes: 1024 * 1024,
      streamIdleTimeoutMs: 60_000,
      streamTotalTimeoutMs: 600_000,
      maxStreamBytes: Number.MAX_SAFE_INTEGER,
    });
    const started = performance.now();
    const ex = await transport.send(
      {
        method: 'POST',
        path: '/v1/chat/completions',
        query: [],
        headers: {},
        auth: { kind: 'none' },
        stream: true,
        body: { kind: 'json', value: { stream: true } },
      },
      { sseTerminator: '[DONE]', folds: [lengthFold], ...(validateEvent ? { validateEvent } : {}) },
    );
    const ms = performance.now() - started;
    const sse = ex.response?.sse;
    if (!sse || sse.eventCount !== events + 1) {
      throw new Error(
        `[mistral-conformance] Failed to measure SSE throughput: read ${sse?.eventCount ?? 0} of ${events + 1} events (${ex.error?.message ?? sse?.end ?? 'no stream'}).`,
      );
    }
    return { events, ms: Math.round(ms), perSecond: Math.round((events / ms) * 1000) };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
