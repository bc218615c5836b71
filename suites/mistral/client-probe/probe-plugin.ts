// The client probe as work after the cases: each SDK call is a row of the `client-compatibility` area.
import type { AfterCasesWork, CheckMeta } from '../../engine/types.js';
import type { MistralTargetInfo } from '../target-info.js';
import { createBoundedFetch, type Fetcher } from '../../engine/transport/bounded-fetch.js';
import { PROBE_CALLS, runClientProbe, type ProbeResult } from './client-probe.js';

export const CLIENT_COMPATIBILITY: CheckMeta = {
  id: 'client-compatibility',
  title: 'Official SDK cannot use the response',
  severity: 'high',
  category: 'client',
  description: 'The official @mistralai/mistralai SDK can make the call and parse what the target answers.',
};

/** How the probe's bounded fetch goes through the run's pacer and retries (api.ts); as is without one. */
export type PaceFetch = (base: Fetcher, signal?: AbortSignal) => Fetcher;

export function clientProbe(info: () => MistralTargetInfo, pace?: PaceFetch): AfterCasesWork {
  return {
    name: 'client probe',
    // Only on request (`--client-probe`): the phase is not among the default ones.
    phase: 'probe',
    operations: PROBE_CALLS.map((c) => ({ operationId: c.id, method: 'SDK', path: c.title, tags: ['client-compatibility'], area: 'client-compatibility' })),
    checks: [CLIENT_COMPATIBILITY],
    async run({ options, record, redact, signal }) {
      // The SDK reads through the transport's bounds: size and decompression caps, timeouts, the
      // run's stop, and in a read-only run no method that changes anything.
      const bounded = createBoundedFetch({
        timeoutMs: options.timeoutMs,
        maxResponseBytes: options.maxResponseBytes,
        streamIdleTimeoutMs: options.streamIdleTimeoutMs,
        streamTotalTimeoutMs: options.streamTotalTimeoutMs,
        maxStreamBytes: options.maxStreamBytes,
        readOnly: options.readOnly,
        ...(signal ? { signal } : {}),
      });
      let results: ProbeResult[];
      try {
        results = await runClientProbe({
          serverURL: options.target,
          ...(options.apiKey ? { apiKey: options.apiKey } : {}),
          info: info(),
          timeoutMs: options.timeoutMs,
          readOnly: options.readOnly,
          redact,
          fetcher: pace ? pace(bounded.fetch, signal) : bounded.fetch,
        });
      } finally {
        bounded.close();
      }
      for (const r of results) {
        record({
          caseId: `${r.call.id}/probe/0`,
          operationId: r.call.id,
          description: `${r.call.title} (exercises ${r.call.operationId})`,
          // The SDK's errors quote response bodies, which a server may fill with the key it was sent.
          outcomes: [{ checkId: CLIENT_COMPATIBILITY.id, status: r.status, ...(r.message ? { message: redact(r.message) } : {}) }],
          durationMs: r.durationMs,
        });
      }
    },
  };
}
