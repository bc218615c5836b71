// The SDK's HTTP goes through the run's pacer and retry policy like every other request, so the
// probe never exceeds --rate-limit and a 429 is retried (Retry-After honoured), not a false failure.
import type { Pacer } from '../../engine/transport/pacing.js';
import { createRetryPolicy, retryDelay, type RetryPolicy } from '../../engine/transport/retry.js';
import { mulberry32 } from '../../engine/stable-random.js';
import type { Fetcher } from '../../engine/transport/bounded-fetch.js';

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export type { Fetcher };

/** `signal`: the run stopping, which ends a wait for a slot or before a retry at once. */
export function pacedFetch(pacer: Pacer | undefined, retry: Partial<RetryPolicy> = {}, base: Fetcher = fetch, signal?: AbortSignal): Fetcher {
  const policy = createRetryPolicy(retry);
  const random = mulberry32(policy.seed);
  return async (input, init) => {
    for (let attempt = 0; ; attempt++) {
      // A Request's body can be read once: send a copy so that a retry still has one.
      const request = input instanceof Request ? input.clone() : input;
      const release = await pacer?.acquire(signal);
      let res: Response;
      try {
        res = await base(request, init);
        release?.sent();
      } finally {
        release?.();
      }
      if (!policy.statuses.includes(res.status) || attempt >= policy.maxRetries) return res;
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
      await res.body?.cancel();
      if (signal?.aborted) return res;
      await sleep(retryDelay(headers, attempt + 1, policy, random).delayMs, signal);
    }
  };
}
