// The HTTP transport: sends a RequestSpec over node:http (keep-alive) and returns an Exchange, never throws.
// Bodies are read incrementally under a size cap, event streams go through the SSE reader as they
// arrive, rate-limited answers are retried per the RetryPolicy, and everything recorded is redacted.
import { parseJsonBounded } from '../../openapi/json-depth.js';
import type { Operation } from '../../openapi/model.js';
import type { Exchange, ExchangeResponse, RequestSpec, StreamFold, TransportErrorKind } from '../types.js';
import { buildRequest, DEFAULT_AUTH_HEADER, type AuthHeaderConfig } from './build-request.js';
import { clip, moreCharacters } from '../clip.js';
import { concat, readCapped, type ByteSource } from './byte-source.js';
import { createHttpClient, type HttpResponseHead } from './http-request.js';
import { classifyError, oneLine } from './classify-error.js';
import type { Pacer, Release } from './pacing.js';
import { createRedactor, headerSecrets, type Redactor } from './redact.js';
import { createRetryPolicy, retryDelay, type RetryPolicy } from './retry.js';
import { mulberry32 } from '../stable-random.js';
import { readSseStream, SseAccumulator } from './sse-reader.js';

export interface TransportOptions {
  /** May carry a path prefix: `http://host/proxy/mistral`. */
  baseUrl: string;
  apiKey?: string;
  /** Default `Authorization: Bearer <key>`. */
  authHeader?: AuthHeaderConfig;
  extraHeaders?: Record<string, string>;
  userAgent: string;
  /** Time to the response headers plus, for non-stream answers, the whole body. */
  timeoutMs: number;
  maxResponseBytes: number;
  streamIdleTimeoutMs: number;
  /** Whole stream, counted from the request start. */
  streamTotalTimeoutMs: number;
  maxStreamBytes: number;
  /** Characters kept in Exchange bodies (default 16 KiB). */
  reportBodyLimit?: number;
  pacer?: Pacer;
  /** No retries when absent; fields left out take the defaults of `createRetryPolicy()` (4 retries, 30 s cap). */
  retry?: Partial<RetryPolicy>;
  /** Extra values to keep out of exchanges (e.g. a proxy token in extraHeaders). */
  secrets?: string[];
}

export interface SendContext {
  operation?: Operation;
  /** Schema issues of one stream chunk (empty when valid). */
  validateEvent?: (chunk: unknown) => string[];
  sseTerminator?: string;
  folds?: StreamFold[];
  /** Keep the full body bytes (bounded by maxResponseBytes) in `response.raw`. */
  keepRawBody?: boolean;
  signal?: AbortSignal;
}

export interface Transport {
  send(req: RequestSpec, ctx?: SendContext): Promise<Exchange>;
  /** HTTP requests sent so far, retries included (the load the target saw). */
  readonly requestCount: number;
  /** Aborts what is in flight; later sends return an `aborted` exchange. */
  close(): Promise<void>;
}

const FAIL = '[mistral-conformance] Failed to create the transport';
const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\b|^text\/json\b/i;
const SSE_START = /^(?::|data:|event:|id:|retry:)/;
const PEEK_BYTES = 16;

function baseType(ct: string): string {
  return ct.split(';')[0]!.trim().toLowerCase();
}

function checkBaseUrl(baseUrl: string): void {
  let u: URL;
  try {
    u = new URL(baseUrl);
  } catch {
    throw new Error(`${FAIL}: "${baseUrl}" is not a URL. Give the target as http(s)://host[:port][/prefix].`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`${FAIL}: unsupported protocol ${u.protocol}. Use http:// or https://.`);
  if (u.username || u.password) throw new Error(`${FAIL}: the base URL carries credentials. Pass the key with --api-key or its environment variable instead.`);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export function createTransport(opts: TransportOptions): Transport {
  checkBaseUrl(opts.baseUrl);
  const authHeader = opts.authHeader ?? DEFAULT_AUTH_HEADER;
  const secrets = [opts.apiKey, ...(opts.secrets ?? []), ...headerSecrets(opts.extraHeaders ?? {}, [authHeader.name])];
  const redactor = createRedactor(secrets);
  const bodyLimit = opts.reportBodyLimit ?? 16 * 1024;
  const policy = opts.retry ? createRetryPolicy(opts.retry) : undefined;
  const random = mulberry32(policy?.seed ?? 0);
  const closing = new AbortController();
  const http = createHttpClient();
  let requestCount = 0;

  // An invalid credential sent on purpose is still a credential: echoing it back is a reflection too.
  const redactorFor = (req: RequestSpec): Redactor => (req.auth.kind === 'invalid' ? createRedactor([...secrets, req.auth.value]) : redactor);
  const attempt = (req: RequestSpec, ctx: SendContext): Promise<Exchange> =>
    sendOnce(req, ctx, { opts, redactor: redactorFor(req), authHeader, bodyLimit, closing: closing.signal, count: () => requestCount++, http });

  return {
    async send(req, ctx = {}) {
      let retries = 0;
      for (;;) {
        const ex = await attempt(req, ctx);
        const status = ex.response?.status;
        const stop =
          !policy || status === undefined || !policy.statuses.includes(status) || retries >= policy.maxRetries || ctx.signal?.aborted || closing.signal.aborted;
        if (stop) {
          ex.retries = retries;
          return ex;
        }
        retries++;
        const delay = retryDelay(ex.response!.headers, retries, policy, random);
        await sleep(delay.delayMs, ctx.signal ?? closing.signal);
      }
    },
    get requestCount() {
      return requestCount;
    },
    async close() {
      closing.abort(new Error('transport closed'));
      http.close();
    },
  };
}

interface Shared {
  opts: TransportOptions;
  redactor: Redactor;
  authHeader: AuthHeaderConfig;
  bodyLimit: number;
  closing: AbortSignal;
  count: () => void;
  http: ReturnType<typeof createHttpClient>;
}

/** Multipart bodies are encoded by the platform's FormData (boundary included), like fetch did. */
async function encodeBody(init: {
  headers: Record<string, string>;
  body?: string | FormData;
}): Promise<{ headers: Record<string, string>; body?: string | Uint8Array }> {
  // Text first: reading the global FormData loads undici (~15 ms) in a run that may never need it.
  if (init.body === undefined || typeof init.body === 'string' || !(init.body instanceof FormData))
    return init as { headers: Record<string, string>; body?: string };
  const encoded = new Response(init.body);
  const headers = { ...init.headers };
  // A caller's own content-type wins (negative cases), as with fetch.
  if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type'))
    headers['content-type'] = encoded.headers.get('content-type') ?? 'multipart/form-data';
  return { headers, body: new Uint8Array(await encoded.arrayBuffer()) };
}

async function sendOnce(req: RequestSpec, ctx: SendContext, s: Shared): Promise<Exchange> {
  const { opts, redactor } = s;
  const built = buildRequest(req, {
    baseUrl: opts.baseUrl,
    apiKey: opts.apiKey,
    authHeader: s.authHeader,
    extraHeaders: opts.extraHeaders ?? {},
    userAgent: opts.userAgent,
    redactor,
    bodyLimit: s.bodyLimit,
  });
  const startedAt = Date.now();
  const t0 = performance.now();
  const elapsed = (): number => performance.now() - t0;
  const exchange: Exchange = { request: built.record, timing: { startedAt, totalMs: 0 }, retries: 0 };
  const fail = (kind: TransportErrorKind, message: string): Exchange => {
    exchange.error = { kind, message: redactor.text(oneLine(message)) };
    exchange.timing.totalMs = round(elapsed());
    return exchange;
  };
  if (s.closing.aborted || ctx.signal?.aborted) return fail('aborted', 'request not sent: the run was stopped');

  let release: Release | undefined;
  if (opts.pacer) {
    try {
      release = await opts.pacer.acquire(ctx.signal ?? s.closing);
    } catch {
      return fail('aborted', 'request not sent: the run was stopped');
    }
  }
  const controller = new AbortController();
  const onOuterAbort = (): void => controller.abort();
  ctx.signal?.addEventListener('abort', onOuterAbort, { once: true });
  s.closing.addEventListener('abort', onOuterAbort, { once: true });
  let timedOut = false;
  const headerTimer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs);
  const outerAborted = (): boolean => Boolean(ctx.signal?.aborted || s.closing.aborted);
  const errorOf = (err: unknown): { kind: TransportErrorKind; message: string } =>
    timedOut
      ? { kind: 'timeout', message: `no complete response within ${opts.timeoutMs} ms` }
      : outerAborted()
        ? { kind: 'aborted', message: 'request aborted: the run was stopped' }
        : classifyError(err);

  try {
    s.count();
    let res: HttpResponseHead;
    try {
      const { headers: sendHeaders, body: sendBody } = await encodeBody(built.init);
      res = await s.http.request(built.url, {
        method: built.init.method,
        headers: sendHeaders,
        ...(sendBody !== undefined ? { body: sendBody } : {}),
        signal: controller.signal,
      });
    } catch (err) {
      const e = errorOf(err);
      return fail(e.kind, `${e.message} (${built.record.method} ${built.record.url})`);
    }
    exchange.timing.ttfbMs = round(elapsed());
    release?.sent();
    const headers = res.headers;
    const contentType = headers['content-type'] ?? '';
    const response: ExchangeResponse = { status: res.status, headers: redactor.headers(headers), contentType, bodyText: '', bytes: 0, truncated: false };
    // Where the key came back, noted before redaction hides it (the credential-reflection check reads this).
    const reflected = Object.entries(headers)
      .filter(([, v]) => redactor.has(v))
      .map(([k]) => `header:${k}`);
    if (reflected.length) response.reflectedSecret = reflected;
    exchange.response = response;
    const source = res.body;

    let sse = baseType(contentType) === 'text/event-stream';
    if (!sse && req.stream) {
      const peek = await peekStart(source);
      if (peek.error !== undefined) {
        const e = errorOf(peek.error);
        return fail(e.kind, e.message);
      }
      sse = SSE_START.test(peek.text);
    }

    if (sse) {
      clearTimeout(headerTimer);
      const acc = new SseAccumulator({ ...ctx, redactor, reportBodyLimit: s.bodyLimit, maxBufferChars: opts.maxStreamBytes });
      const r = await readSseStream(source, acc, {
        elapsed,
        idleTimeoutMs: opts.streamIdleTimeoutMs,
        deadlineMs: opts.streamTotalTimeoutMs,
        maxBytes: opts.maxStreamBytes,
        abort: () => controller.abort(),
        headChars: s.bodyLimit,
      });
      response.sse = r.transcript;
      response.bytes = r.bytes;
      if (redactor.has(r.bodyHead)) (response.reflectedSecret ??= []).push('body');
      response.bodyText = redactor.text(r.bodyHead);
      response.truncated = r.transcript.end === 'too-large';
      exchange.timing.totalMs = round(elapsed());
      const end = r.transcript.end;
      if (outerAborted() && end === 'reset') exchange.error = { kind: 'aborted', message: 'stream aborted: the run was stopped' };
      else if (end === 'reset')
        exchange.error = { kind: 'reset', message: redactor.text(`stream broke after ${r.transcript.eventCount} events: ${classifyError(r.error).message}`) };
      else if (end === 'idle-timeout')
        exchange.error = { kind: 'timeout', message: `stream idle for ${opts.streamIdleTimeoutMs} ms after ${r.transcript.eventCount} events` };
      else if (end === 'total-timeout')
        exchange.error = { kind: 'timeout', message: `stream still open after ${opts.streamTotalTimeoutMs} ms (${r.transcript.eventCount} events)` };
      else if (end === 'too-large')
        exchange.error = { kind: 'too-large', message: `stream exceeded ${opts.maxStreamBytes} bytes after ${r.transcript.eventCount} events; cut off` };
      return exchange;
    }

    const body = await readCapped(source, opts.maxResponseBytes);
    exchange.timing.totalMs = round(elapsed());
    fillBody(response, body.data, body.total, body.truncated, body.error === undefined, ctx.keepRawBody === true, s);
    if (body.error !== undefined) {
      const e = errorOf(body.error);
      exchange.error = { kind: e.kind, message: redactor.text(`${e.message} after ${body.total} bytes of the body`) };
    } else if (body.truncated) {
      exchange.error = { kind: 'too-large', message: `response body exceeded ${opts.maxResponseBytes} bytes; cut off` };
      controller.abort();
    }
    return exchange;
  } finally {
    clearTimeout(headerTimer);
    ctx.signal?.removeEventListener('abort', onOuterAbort);
    s.closing.removeEventListener('abort', onOuterAbort);
    release?.();
  }
}

/** Reads just enough of a body to see whether it starts like SSE, then puts it back. */
async function peekStart(source: ByteSource): Promise<{ text: string; error?: unknown }> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  let text = '';
  try {
    while (text.length < PEEK_BYTES) {
      const chunk = await source.next();
      if (!chunk) break;
      chunks.push(chunk);
      length += chunk.byteLength;
      text = new TextDecoder().decode(concat(chunks, length)).trimStart();
    }
  } catch (error) {
    return { text, error };
  }
  for (let i = chunks.length - 1; i >= 0; i--) source.unshift(chunks[i]!);
  return { text };
}

/** UTF-16 length of a UTF-8 text: every byte that starts a character, twice for 4-byte ones. */
function utf16Length(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b & 0xc0) !== 0x80) n += b >= 0xf0 ? 2 : 1;
  }
  return n;
}

function fillBody(response: ExchangeResponse, data: Uint8Array, total: number, truncated: boolean, complete: boolean, keepRaw: boolean, s: Shared): void {
  response.bytes = total;
  response.truncated = truncated;
  if (keepRaw) response.raw = s.redactor.bytes(data);
  const declaredJson = JSON_TYPE.test(response.contentType);
  // Only a complete body that may be JSON is decoded whole (to parse it); of any other only the head
  // the report keeps is decoded: a body cut off at a 16 MiB cap must not become a 32 MB string.
  const headBytes = (s.bodyLimit + 1024) * 4;
  const start = new TextDecoder().decode(data.subarray(0, 64)).trimStart();
  const looksJson = start.startsWith('{') || start.startsWith('[') || (start === '' && data.byteLength > 64);
  const whole = data.byteLength <= headBytes || (complete && !truncated && (declaredJson || looksJson));
  if (!whole) {
    // The secret is searched in the bytes, all of them; the head is redacted before it is cut.
    if (s.redactor.hasBytes(data)) (response.reflectedSecret ??= []).push('body');
    const head = s.redactor.text(new TextDecoder().decode(data.subarray(0, headBytes)));
    const length = head.length + utf16Length(data.subarray(headBytes));
    response.bodyText = length > s.bodyLimit ? `${head.slice(0, s.bodyLimit)}… [${length - s.bodyLimit} more characters]` : head;
    if (declaredJson) response.jsonError = truncated ? 'body cut off at the size cap' : 'body incomplete: the connection broke';
    return;
  }
  const decoded = new TextDecoder().decode(data);
  if (s.redactor.has(decoded)) (response.reflectedSecret ??= []).push('body');
  const text = s.redactor.text(decoded);
  response.bodyText = clip(text, s.bodyLimit, moreCharacters);
  const trimmed = text.trimStart();
  if (!declaredJson && !trimmed.startsWith('{') && !trimmed.startsWith('[')) return;
  if (truncated || !complete) {
    if (declaredJson) response.jsonError = truncated ? 'body cut off at the size cap' : 'body incomplete: the connection broke';
    return;
  }
  if (trimmed === '') {
    // No content is the documented answer of 204/304; elsewhere a JSON content type promised a body.
    if (response.status !== 204 && response.status !== 304) response.jsonError = 'empty body';
    return;
  }
  try {
    // Parsed from the redacted text: an echoed key never reaches the checks' JSON either. Nesting
    // past the depth limit is left unparsed (a finding of the schema check, not a stack overflow).
    response.json = parseJsonBounded(text);
  } catch (err) {
    response.jsonError = oneLine(err instanceof Error ? err.message : String(err), 200);
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
