// When and how long to wait before repeating a rate-limited request (429, 503). The server's own word
// comes first (Retry-After, then the reset header of an exhausted x-ratelimit-* budget); otherwise an
// exponential backoff. Jitter only ever adds time (never retry before the server said), and comes from a
// seeded generator so that runs are reproducible.

export interface RetryPolicy {
  /** Retries after the first attempt (default 4). */
  maxRetries: number;
  /** Statuses worth retrying (default 429 and 503). */
  statuses: number[];
  /** First backoff when the server gives no hint (default 1000 ms), doubled per retry. */
  baseDelayMs: number;
  /** Cap of any single wait (default 30 s). */
  maxDelayMs: number;
  /** Up to this fraction of the wait is added as jitter (default 0.2). */
  jitterRatio: number;
  /** Seed of the jitter generator. */
  seed: number;
  /** Multiplies every wait; 1 in real runs, smaller in tests (the waits keep their proportions). */
  timeScale: number;
}

export function createRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { maxRetries: 4, statuses: [429, 503], baseDelayMs: 1000, maxDelayMs: 30_000, jitterRatio: 0.2, seed: 0, timeScale: 1, ...overrides };
}

export type DelaySource = 'retry-after' | 'ratelimit-reset' | 'backoff';

export interface RetryDelay {
  /** The wait in ms, already scaled by timeScale. */
  delayMs: number;
  /** The wait the server asked for (or the backoff), unscaled and uncapped, for reports. */
  requestedMs: number;
  source: DelaySource;
}

/** `Retry-After`: delta seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
  return undefined;
}

const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A rate-limit reset value: `47` (seconds), `1.5s`/`6m0s`/`20ms` (durations), or an epoch in s or ms. */
export function parseResetValue(value: string, nowMs: number): number | undefined {
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) {
    const n = Number(v);
    if (n >= 1e12) return Math.max(0, n - nowMs);
    if (n >= 1e9) return Math.max(0, n * 1000 - nowMs);
    return n * 1000;
  }
  let total = 0;
  let matched = '';
  for (const m of v.matchAll(DURATION_PART)) {
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    matched += m[0];
  }
  if (matched && matched === v) return total;
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * The reset wait of the rate-limit budget that is exhausted (`*remaining*: 0` paired with the
 * `*reset*` header of the same name). With reset headers but no remaining ones at all, the longest reset.
 */
export function rateLimitResetMs(headers: Record<string, string>, nowMs: number): number | undefined {
  const names = Object.keys(headers).map((n) => n.toLowerCase());
  const lower: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) lower[k.toLowerCase()] = v;
  const resets = names.filter((n) => n.includes('ratelimit') && n.includes('reset'));
  if (!resets.length) return undefined;
  const remaining = names.filter((n) => n.includes('ratelimit') && n.includes('remaining'));
  let best: number | undefined;
  const consider = (name: string): void => {
    const ms = parseResetValue(lower[name]!, nowMs);
    if (ms !== undefined && (best === undefined || ms > best)) best = ms;
  };
  if (!remaining.length) {
    resets.forEach(consider);
    return best;
  }
  for (const r of remaining) {
    if (Number(lower[r]) > 0) continue;
    const reset = r.replace('remaining', 'reset');
    if (lower[reset] !== undefined) consider(reset);
  }
  return best;
}

/** The wait before retry number `attempt` (1-based) after a response with these (lower-case) headers. */
export function retryDelay(headers: Record<string, string>, attempt: number, policy: RetryPolicy, random: () => number, nowMs = Date.now()): RetryDelay {
  let requestedMs: number;
  let source: DelaySource;
  const retryAfter = parseRetryAfter(headers['retry-after'], nowMs);
  const reset = retryAfter === undefined ? rateLimitResetMs(headers, nowMs) : undefined;
  if (retryAfter !== undefined) {
    requestedMs = retryAfter;
    source = 'retry-after';
  } else if (reset !== undefined) {
    requestedMs = reset;
    source = 'ratelimit-reset';
  } else {
    requestedMs = policy.baseDelayMs * 2 ** (attempt - 1);
    source = 'backoff';
  }
  const capped = Math.min(requestedMs, policy.maxDelayMs);
  const jittered = Math.min(policy.maxDelayMs, capped + capped * policy.jitterRatio * random());
  return { delayMs: jittered * policy.timeScale, requestedMs, source };
}
