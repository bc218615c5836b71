// One attempt at a request (the transport retries around it): wait for the pacer, send, read the
// head, then the body as a stream or whole, under the attempt's deadlines. Never throws: what went
// wrong is the exchange's error, redacted like everything else it records.
import type { Exchange, ExchangeResponse, RequestSpec, TransportErrorKind } from '../types.js';
import { guardAttempt, type AttemptGuard } from './attempt-guard.js';
import { buildRequest, type AuthHeaderConfig } from './build-request.js';
import { readCapped } from './byte-source.js';
import { oneLine } from './classify-error.js';
import { encodeBody } from './encode-body.js';
import type { SendContext, TransportOptions } from './http-client.js';
import type { HttpClient, HttpResponseHead } from './http-request.js';
import type { Release } from './pacing.js';
import type { Redactor } from '../secrets/redactor.js';
import { fillBody } from './response-body.js';
import { isEventStream, readStreamAnswer } from './stream-answer.js';

/** What every attempt of a transport shares. */
export interface AttemptDeps {
  opts: TransportOptions;
  redactor: Redactor;
  authHeader: AuthHeaderConfig;
  bodyLimit: number;
  closing: AbortSignal;
  count: () => void;
  http: HttpClient;
}

const NOT_SENT = 'request not sent: the run was stopped';

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The response head as the exchange records it: headers redacted, where the key came back noted first. */
function responseHead(res: HttpResponseHead, redactor: Redactor): ExchangeResponse {
  const headers = res.headers;
  const response: ExchangeResponse = {
    status: res.status,
    headers: redactor.headers(headers),
    contentType: redactor.text(headers['content-type'] ?? ''),
    bodyText: '',
    bytes: 0,
    truncated: false,
  };
  // Where the key came back (a header's value or its very name), noted before redaction hides it.
  const reflected = redactor.reflectedInHeaders(headers);
  if (reflected.length) response.reflectedSecret = reflected;
  return response;
}

/** A slot from the pacer (undefined without one); 'stopped' when the run stopped while waiting. */
async function acquireSlot(s: AttemptDeps, ctx: SendContext): Promise<Release | undefined | 'stopped'> {
  if (!s.opts.pacer) return undefined;
  try {
    return await s.opts.pacer.acquire(ctx.signal ?? s.closing);
  } catch {
    return 'stopped';
  }
}

async function sendHead(built: ReturnType<typeof buildRequest>, guard: AttemptGuard, http: HttpClient): Promise<HttpResponseHead> {
  const { headers, body } = await encodeBody(built.init);
  return http.request(built.url, { method: built.init.method, headers, ...(body !== undefined ? { body } : {}), signal: guard.signal });
}

/** Reads a whole (non-stream) body under the size cap; returns the exchange's error, if any. */
async function readWholeAnswer(
  res: HttpResponseHead,
  response: ExchangeResponse,
  s: AttemptDeps,
  keepRaw: boolean,
  guard: AttemptGuard,
  done: () => void,
): Promise<Exchange['error']> {
  const { opts, redactor } = s;
  const body = await readCapped(res.body, opts.maxResponseBytes);
  done();
  fillBody(response, { data: body.data, total: body.total, truncated: body.truncated, complete: body.error === undefined }, keepRaw, s);
  if (body.error !== undefined) {
    const e = guard.errorOf(body.error);
    return { kind: e.kind, message: redactor.text(`${e.message} after ${body.total} bytes of the body`) };
  }
  if (body.truncated) {
    guard.abort();
    return { kind: 'too-large', message: `response body exceeded ${opts.maxResponseBytes} bytes; cut off` };
  }
  return undefined;
}

export async function sendOnce(req: RequestSpec, ctx: SendContext, s: AttemptDeps): Promise<Exchange> {
  const { opts, redactor } = s;
  const built = buildRequest(req, {
    baseUrl: opts.baseUrl,
    apiKey: opts.apiKey,
    authHeader: s.authHeader,
    extraHeaders: { ...opts.extraHeaders, ...opts.secretHeaders },
    secretHeaderNames: Object.keys(opts.secretHeaders ?? {}),
    userAgent: opts.userAgent,
    redactor,
    bodyLimit: s.bodyLimit,
  });
  const t0 = performance.now();
  const elapsed = (): number => performance.now() - t0;
  const exchange: Exchange = { request: built.record, timing: { startedAt: Date.now(), totalMs: 0 }, retries: 0 };
  const stamp = (): void => void (exchange.timing.totalMs = round(elapsed()));
  const fail = (kind: TransportErrorKind, message: string): Exchange => {
    exchange.error = { kind, message: oneLine(redactor.text(message)) };
    stamp();
    return exchange;
  };
  if (s.closing.aborted || ctx.signal?.aborted) return fail('aborted', NOT_SENT);
  const release = await acquireSlot(s, ctx);
  if (release === 'stopped') return fail('aborted', NOT_SENT);
  const guard = guardAttempt(ctx.signal, s.closing, opts.timeoutMs);
  try {
    s.count();
    let res: HttpResponseHead;
    try {
      res = await sendHead(built, guard, s.http);
    } catch (err) {
      const e = guard.errorOf(err);
      return fail(e.kind, `${e.message} (${built.record.method} ${built.record.url})`);
    }
    exchange.timing.ttfbMs = round(elapsed());
    release?.sent();
    const response = (exchange.response = responseHead(res, redactor));
    const kind = await isEventStream(response.contentType, req.stream === true, res.body);
    if (kind.error !== undefined) {
      const e = guard.errorOf(kind.error);
      return fail(e.kind, e.message);
    }
    const error = kind.sse
      ? await readStreamAnswer(res.body, response, { opts, ctx, redactor, bodyLimit: s.bodyLimit, guard, elapsed }).finally(stamp)
      : await readWholeAnswer(res, response, s, ctx.keepRawBody === true, guard, stamp);
    if (error) exchange.error = error;
    return exchange;
  } finally {
    guard.dispose();
    release?.();
  }
}
