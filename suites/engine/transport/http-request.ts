// One HTTP exchange on node:http / node:https over keep-alive agents: what the transport used global
// fetch for, at a fraction of its CPU per request (fetch copies every request body under
// `redirect: 'manual'` and goes through web streams). Like fetch with `redirect: 'manual'` it follows
// no redirects, and it sends and undoes the same content codings fetch does (gzip, deflate; br over
// https). Interceptors (msw, nock) patch node:http, so they keep working.
// Default imports, called at request time: interceptors replace `http.request` on the module object,
// which named ESM imports of a builtin would not see.
import http, { type ClientRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, constants as zlib } from 'node:zlib';
import type { ByteSource } from './byte-source.js';

export interface HttpResponseHead {
  status: number;
  /** Lower-case names; repeated headers joined with `, ` (as fetch's Headers do). */
  headers: Record<string, string>;
  body: ByteSource;
}

export interface HttpRequestInit {
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
}

export interface HttpClient {
  request(url: string, init: HttpRequestInit): Promise<HttpResponseHead>;
  /** Closes idle keep-alive connections and refuses nothing: in-flight requests end on their own. */
  close(): void;
}

/** Resets of a reused keep-alive connection before any answer: the server closed it while idle. */
const STALE_SOCKET = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

function hasHeader(headers: Record<string, string>, lower: string): boolean {
  for (const k in headers) if (k.toLowerCase() === lower) return true;
  return false;
}

function joinHeaders(raw: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in raw) {
    const v = raw[k];
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Chunks handed out are at most this long (views, not copies), so a size cap overshoots by at most this. */
export const MAX_CHUNK = 64 * 1024;

/**
 * A compressed body may decode to at most this many times its size once past DECODED_FLOOR bytes:
 * JSON and event streams compress 3 to 50 times; a gzip bomb (10 MB of zeros → 10 GiB) over 1,000.
 * Past it the body is cut off like one over the size cap, before the decoder produces any more.
 */
export const MAX_COMPRESSION_RATIO = 200;
/** Below this many decoded bytes any ratio is allowed (a small, very repetitive answer is not a bomb). */
export const DECODED_FLOOR = 1024 * 1024;

/** A compressed body that decoded to far more than a real answer would (see MAX_COMPRESSION_RATIO). */
export class DecompressionLimitError extends Error {
  override name = 'DecompressionLimitError';
  constructor(decoded: number, compressed: number) {
    super(`the compressed body decoded to ${decoded} bytes from ${compressed} (over ${MAX_COMPRESSION_RATIO} times its size): cut off as a decompression bomb`);
  }
}

/** Counts what a content coding turned how many received bytes into. */
interface Decoding {
  stream: Readable;
  /** Compressed bytes received so far; undefined when the body had no content coding. */
  received(): number | undefined;
}

/** A readable as a pull source of chunks; `cancel` drops the connection instead of draining it. */
export function readableSource(stream: Readable, onCancel: () => void, received: () => number | undefined = () => undefined): ByteSource {
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const pending: Uint8Array[] = [];
  let finished = false;
  let decoded = 0;
  return {
    async next() {
      let chunk = pending.shift();
      if (chunk === undefined) {
        if (finished) return undefined;
        const r = await it.next();
        if (r.done) {
          finished = true;
          return undefined;
        }
        chunk = r.value;
        decoded += chunk.byteLength;
        const compressed = received();
        if (compressed !== undefined && decoded > DECODED_FLOOR && decoded > MAX_COMPRESSION_RATIO * compressed) {
          finished = true;
          pending.length = 0;
          onCancel();
          throw new DecompressionLimitError(decoded, compressed);
        }
      }
      if (chunk.byteLength <= MAX_CHUNK) return chunk;
      pending.unshift(chunk.subarray(MAX_CHUNK));
      return chunk.subarray(0, MAX_CHUNK);
    },
    unshift(chunk) {
      pending.unshift(chunk);
    },
    async cancel() {
      if (finished) return;
      finished = true;
      pending.length = 0;
      onCancel();
    },
  };
}

function decoded(res: IncomingMessage): Decoding {
  const coding = String(res.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  // Lenient like fetch: a body cut short still yields what was decoded so far.
  const options = { finishFlush: zlib.Z_SYNC_FLUSH };
  const decoder =
    coding === 'gzip' || coding === 'x-gzip'
      ? createGunzip(options)
      : coding === 'deflate'
        ? createInflate(options)
        : coding === 'br'
          ? createBrotliDecompress({ finishFlush: zlib.BROTLI_OPERATION_FLUSH })
          : undefined;
  if (!decoder) return { stream: res, received: () => undefined };
  let received = 0;
  res.on('data', (chunk: Buffer) => {
    received += chunk.byteLength;
  });
  res.on('error', (err) => decoder.destroy(err));
  decoder.on('close', () => {
    if (!res.complete) res.destroy();
  });
  return { stream: res.pipe(decoder), received: () => received };
}

interface Agents {
  http: http.Agent;
  https: https.Agent;
}

/** The headers fetch would add on its own (a caller's own value wins). */
function withFetchHeaders(init: HttpRequestInit, body: Buffer | undefined, secure: boolean): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = { ...init.headers };
  if (!hasHeader(init.headers, 'accept-encoding')) headers['accept-encoding'] = secure ? 'gzip, deflate, br' : 'gzip, deflate';
  // fetch's rule: a body's length, and 0 for a POST or PUT without one.
  const length = body !== undefined ? body.byteLength : init.method === 'POST' || init.method === 'PUT' ? 0 : undefined;
  if (length !== undefined && !hasHeader(init.headers, 'content-length')) headers['content-length'] = length;
  return headers;
}

/** One request on one connection; rejects with `staleSocket` set when a reused connection was already closed. */
function requestOnce(agents: Agents, url: URL, init: HttpRequestInit, body: Buffer | undefined): Promise<HttpResponseHead> {
  return new Promise((resolve, reject) => {
    const secure = url.protocol === 'https:';
    let req: ClientRequest;
    try {
      req = (secure ? https : http).request(url, {
        method: init.method,
        headers: withFetchHeaders(init, body, secure),
        agent: secure ? agents.https : agents.http,
        ...(init.signal ? { signal: init.signal } : {}),
      });
    } catch (err) {
      reject(err);
      return;
    }
    let answered = false;
    req.once('error', (err: NodeJS.ErrnoException) => {
      if (answered) return;
      // Node's own advice for keep-alive: a request on a reused socket that the peer had already
      // closed never reached the server, so it can be sent again on a fresh connection.
      if (req.reusedSocket && !init.signal?.aborted && STALE_SOCKET.has(err.code ?? '')) Object.assign(err, { staleSocket: true });
      reject(err);
    });
    req.once('response', (res) => {
      answered = true;
      // Errors from here on surface through the body source.
      res.on('error', () => undefined);
      const decoding = decoded(res);
      resolve({
        status: res.statusCode ?? 0,
        headers: joinHeaders(res.headers),
        body: readableSource(decoding.stream, () => res.destroy(), decoding.received),
      });
    });
    req.end(body);
  });
}

function bodyBuffer(body: HttpRequestInit['body']): Buffer | undefined {
  if (body === undefined) return undefined;
  return typeof body === 'string' ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

export function createHttpClient(): HttpClient {
  const agents: Agents = { http: new http.Agent({ keepAlive: true, scheduling: 'lifo' }), https: new https.Agent({ keepAlive: true, scheduling: 'lifo' }) };
  return {
    async request(url, init) {
      const u = new URL(url);
      const body = bodyBuffer(init.body);
      try {
        return await requestOnce(agents, u, init, body);
      } catch (err) {
        if ((err as { staleSocket?: boolean }).staleSocket) return requestOnce(agents, u, init, body);
        throw err;
      }
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
