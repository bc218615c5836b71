// The ceiling: what a bare load generator (autocannon) gets from the same server with the same
// requests at the same concurrency. The requests are the suite's own, recorded through a proxy.
import autocannon from 'autocannon';
import { startRecordingProxy, type RecordedRequest } from '../recording-proxy.js';
import { runSuiteOnce, type OperationGroup } from './suite-run.js';

export async function recordSuiteRequests(target: string, apiKey: string, group: OperationGroup, runs: number): Promise<RecordedRequest[]> {
  const proxy = await startRecordingProxy(target);
  try {
    await runSuiteOnce({ target: proxy.url, apiKey, group, concurrency: 8, runs });
    if (proxy.recorded.length === 0) throw new Error("[mistral-conformance] Failed to record the suite's requests: none arrived at the proxy.");
    return proxy.recorded;
  } finally {
    await proxy.close();
  }
}

export async function loadGeneratorRps(target: string, requests: RecordedRequest[], connections: number, seconds: number): Promise<number> {
  const result = await autocannon({
    url: target,
    connections,
    duration: seconds,
    timeout: 30,
    requests: requests.map((r) => ({ method: r.method, path: r.path, headers: r.headers, ...(r.body ? { body: r.body } : {}) })),
  });
  if (result.requests.total === 0)
    throw new Error(`[mistral-conformance] Failed to measure the ceiling: no request completed (${result.errors} errors, ${result.timeouts} timeouts).`);
  return Math.round((result.requests.total / result.duration) * 10) / 10;
}
