// The HTTP transport: sends a RequestSpec over node:http (keep-alive) and returns an Exchange, never throws.
// Bodies are read incrementally under a size cap, event streams go through the SSE reader as they
// arrive, rate-limited answers are retried per the RetryPolicy, and everything recorded is redacted.
import type { Operation } from '../../openapi/model.js';
import { mulberry32 } from '../stable-random.js';
import type { Exchange, RequestSpec, StreamFold } from '../types.js';
import { DEFAULT_AUTH_HEADER, type AuthHeaderConfig } from './build-request.js';
import { createHttpClient } from './http-request.js';
import type { Pacer } from './pacing.js';
import { createRedactor, headerSecrets, type Redactor } from '../secrets/redactor.js';
import { createRetryPolicy, retryDelay, type RetryPolicy } from './retry.js';
import { sendOnce } from './send-once.js';

export interface TransportOptions {
  /** May carry a path prefix: `http://host/proxy/mistral`. */
  baseUrl: string;
  apiKey?: string;
  /** Default `Authorization: Bearer <key>`. */
  authHeader?: AuthHeaderConfig;
  extraHeaders?: Record<string, string>;
  /** Headers whose values are secrets (from the environment): sent with every request, recorded blanked. */
  secretHeaders?: Record<string, string>;
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
  /** Aborts the request (and ends waits for a slot or a retry). */
  signal?: AbortSignal;
  /** Aborts the answer once it is an event stream (the run stopping now: streams end first). */
  streamSignal?: AbortSignal;
}

export interface Transport {
  send(req: RequestSpec, ctx?: SendContext): Promise<Exchange>;
  /** HTTP requests sent so far, retries included (the load the target saw). */
  readonly requestCount: number;
  /** Aborts what is in flight; later sends return an `aborted` exchange. */
  close(): Promise<void>;
}

const FAIL = '[mistral-conformance] Failed to create the transport';

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
  const secrets = [
    opts.apiKey,
    ...(opts.secrets ?? []),
    ...headerSecrets(opts.extraHeaders ?? {}, [authHeader.name]),
    ...Object.values(opts.secretHeaders ?? {}),
  ];
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
