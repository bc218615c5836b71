// A fetch for clients the run does not drive itself (the official SDK of the client probe) with the
// transport's bounds: the same HTTP client (no redirects, decompression capped by ratio), a timeout
// for the head and a whole body, idle and total timeouts for an event stream, size caps on what is
// read, the run's stop signal, and in a read-only run no method that changes anything. Bodies are
// handed over as they arrive and cut off at the cap with an error, never buffered whole.
import type { ByteSource } from './byte-source.js';
import { createHttpClient, type HttpResponseHead } from './http-request.js';

export type Fetcher = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface BoundedFetchOptions {
  /** Time to the response head plus, for an answer that is not an event stream, its whole body. */
  timeoutMs: number;
  maxResponseBytes: number;
  streamIdleTimeoutMs: number;
  /** Whole event stream, counted from the request start. */
  streamTotalTimeoutMs: number;
  maxStreamBytes: number;
  /** Refuse every method but GET, HEAD and OPTIONS. */
  readOnly?: boolean;
  /** The run stopping: aborts what is in flight. */
  signal?: AbortSignal;
}

export interface BoundedFetch {
  fetch: Fetcher;
  /** Closes the idle connections. */
  close(): void;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Statuses whose answer has no body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** An error the SDK reports as the call's failure: named, one line. */
function failure(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

function headersOf(head: HttpResponseHead): Headers {
  const out = new Headers();
  for (const [k, v] of Object.entries(head.headers)) {
    try {
      out.append(k, v);
    } catch {
      // A value fetch's Headers refuses (Node's parser let it through): the SDK does not see it.
    }
  }
  return out;
}

export function createBoundedFetch(opts: BoundedFetchOptions): BoundedFetch {
  const http = createHttpClient();

  const fetchBounded: Fetcher = async (input, init) => {
    const request = new Request(input, init);
    const method = request.method.toUpperCase();
    if (opts.readOnly && !SAFE_METHODS.has(method)) throw failure('ReadOnlyRun', `read-only run: ${method} ${request.url} not sent`);
    const started = performance.now();
    const controller = new AbortController();
    let why: Error | undefined;
    const stop = (reason: Error): void => {
      why ??= reason;
      controller.abort(reason);
    };
    const onOuterAbort = (): void => stop(failure('AbortError', 'request aborted: the run was stopped'));
    const onRequestAbort = (): void => stop(failure('AbortError', 'request aborted by the client'));
    if (opts.signal?.aborted) onOuterAbort();
    opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
    request.signal.addEventListener('abort', onRequestAbort, { once: true });
    let deadline = setTimeout(() => stop(failure('TimeoutError', `no complete response within ${opts.timeoutMs} ms`)), opts.timeoutMs);
    let idle: ReturnType<typeof setTimeout> | undefined;
    const done = (): void => {
      clearTimeout(deadline);
      if (idle) clearTimeout(idle);
      opts.signal?.removeEventListener('abort', onOuterAbort);
      request.signal.removeEventListener('abort', onRequestAbort);
    };

    const headers: Record<string, string> = {};
    request.headers.forEach((v, k) => (headers[k] = v));
    const body = SAFE_METHODS.has(method) ? undefined : new Uint8Array(await request.arrayBuffer());
    let head: HttpResponseHead;
    try {
      head = await http.request(request.url, { method, headers, ...(body?.byteLength ? { body } : {}), signal: controller.signal });
    } catch (err) {
      done();
      throw why ?? err;
    }
    if (head.status < 200 || head.status > 599) {
      done();
      void head.body.cancel();
      throw failure('InvalidResponse', `status ${head.status} is not an HTTP answer a client can use`);
    }
    if (NULL_BODY.has(head.status) || method === 'HEAD') {
      done();
      void head.body.cancel();
      return new Response(null, { status: head.status, headers: headersOf(head) });
    }
    const stream = /^\s*text\/event-stream\b/i.test(head.headers['content-type'] ?? '');
    if (stream) {
      // An event stream keeps its own limits: a total from the request start and an idle gap.
      clearTimeout(deadline);
      const left = Math.max(0, opts.streamTotalTimeoutMs - (performance.now() - started));
      deadline = setTimeout(() => stop(failure('TimeoutError', `stream still open after ${opts.streamTotalTimeoutMs} ms`)), left);
    }
    const cap = stream ? opts.maxStreamBytes : opts.maxResponseBytes;
    const armIdle = (): void => {
      if (!stream) return;
      if (idle) clearTimeout(idle);
      idle = setTimeout(() => stop(failure('TimeoutError', `stream idle for ${opts.streamIdleTimeoutMs} ms`)), opts.streamIdleTimeoutMs);
    };
    armIdle();
    return new Response(
      cappedStream(head.body, cap, () => why, armIdle, done),
      { status: head.status, headers: headersOf(head) },
    );
  };

  return { fetch: fetchBounded, close: () => http.close() };
}

/** The body as a web stream, pulled chunk by chunk; past `cap` bytes it errors instead of growing. */
function cappedStream(source: ByteSource, cap: number, why: () => Error | undefined, onChunk: () => void, done: () => void): ReadableStream<Uint8Array> {
  let total = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const chunk = await source.next();
          if (!chunk) {
            done();
            controller.close();
            return;
          }
          total += chunk.byteLength;
          if (total > cap) {
            done();
            await source.cancel();
            controller.error(failure('ResponseTooLarge', `response body exceeded ${cap} bytes; cut off`));
            return;
          }
          onChunk();
          controller.enqueue(chunk);
        } catch (err) {
          done();
          controller.error(why() ?? err);
        }
      },
      async cancel() {
        done();
        await source.cancel();
      },
    },
    { highWaterMark: 0 },
  );
}
