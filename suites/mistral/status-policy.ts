// The Mistral status policy: how statuses the spec does not document are judged. The pinned spec
// documents only 200 and 422 for most operations, while the real API answers 400, 401, 404 and 429
// (see shared/real-responses/error_*.json). Defaults follow what the real API does and stay strict
// enough for a CI gate: an undocumented status is only fine when the request could not succeed.
import type { Operation } from '../openapi/model.js';
import { isObject } from '../openapi/is-object.js';
import type { StatusPolicy, StatusSituation, StatusVerdict } from '../engine/types.js';

export type Verdict = StatusVerdict['verdict'];

/** status → situation → verdict. `*` matches any situation; `4xx` any client error. */
export type StatusPolicyTable = Record<string, Partial<Record<StatusSituation | '*', Verdict>>>;

export const DEFAULT_STATUS_POLICY: StatusPolicyTable = {
  // Authentication: expected when credentials are missing or wrong, a defect otherwise.
  '401': { 'no-credentials': 'pass', 'invalid-credentials': 'pass', '*': 'fail' },
  '403': { 'no-credentials': 'pass', 'invalid-credentials': 'pass', 'forbidden-state': 'pass', '*': 'fail' },
  // An id that does not exist, or a model the target does not serve.
  // A server may look the id up before validating the body: a 404 to an invalid request on an
  // operation with a path id is shown, not failed.
  '404': { 'unknown-resource': 'pass', 'unsupported-model': 'pass', 'invalid-input': 'warn', '*': 'fail' },
  // The real API answers 400 for some invalid input (`invalid_model`) where the spec documents 422.
  '400': { 'invalid-input': 'warn', 'unknown-resource': 'pass', 'unsupported-model': 'pass', 'forbidden-state': 'pass', '*': 'fail' },
  '405': { '*': 'fail' },
  // FastAPI's validation status, used across this API even where an operation omits it; also the
  // answer to a malformed id (`job_id` that is not a UUID).
  '422': { 'invalid-input': 'pass', 'unknown-resource': 'pass', 'unsupported-model': 'pass', '*': 'fail' },
  '409': { 'forbidden-state': 'pass', 'unknown-resource': 'pass', '*': 'fail' },
  '413': { 'invalid-input': 'pass', '*': 'fail' },
  '415': { 'invalid-input': 'pass', '*': 'fail' },
  // Only reached after the transport's retries were exhausted: shown, but a rate limit is no defect.
  '429': { '*': 'warn' },
  '4xx': { 'invalid-input': 'warn', 'unknown-resource': 'pass', 'forbidden-state': 'pass', '*': 'fail' },
  // Undocumented success codes (201, 202, 204 where 200 is documented) break generated clients.
  '2xx': { '*': 'fail' },
  '3xx': { '*': 'fail' },
};

const REASONS: Record<Verdict, (status: number, situation: StatusSituation) => string> = {
  pass: (s, sit) => `${s} is allowed by the status policy when ${sit}.`,
  warn: (s, sit) => `${s} is tolerated by the status policy when ${sit} (a warning; set it to "fail" to gate on it).`,
  fail: (s, sit) => `The status policy does not allow ${s} when ${sit}.`,
};

function lookup(table: StatusPolicyTable, status: number, situation: StatusSituation): Verdict {
  const rows = [String(status), `${Math.floor(status / 100)}xx`];
  for (const row of rows) {
    const v = table[row]?.[situation];
    if (v) return v;
  }
  // Recorded traffic with an unknown request: a client error may have been deserved; show it.
  if (situation === 'unknown' && status >= 400 && status < 500) return 'warn';
  for (const row of rows) {
    const v = table[row]?.['*'];
    if (v) return v;
  }
  return 'fail';
}

/**
 * Error bodies of undocumented statuses must be JSON objects that say what went wrong. The real API
 * uses three shapes, none of them the spec's: `{message, request_id?}` (gateway: 401, 429),
 * `{object: "error", message, type, param, code}` (400, and 422 before April 2024 with `message`
 * holding the validation detail), and FastAPI's `{detail: ...}`.
 */
export function mistralErrorBodyProblems(_status: number, body: unknown): string[] {
  if (!isObject(body)) return [`Expected: a JSON object error body (got ${typeof body === 'string' ? 'text' : typeof body})`];
  const message = body.message;
  if (body.object === 'error') {
    return typeof message === 'string' || isObject(message) ? [] : ['Expected: an error envelope with a "message"'];
  }
  if (typeof message === 'string' && message.length > 0) return [];
  if ('detail' in body) return [];
  return [`Expected: an error body with "message" or "detail" (got keys ${Object.keys(body).join(', ') || 'none'})`];
}

export function createMistralStatusPolicy(overrides: StatusPolicyTable = {}): StatusPolicy {
  const table: StatusPolicyTable = { ...DEFAULT_STATUS_POLICY };
  for (const [status, row] of Object.entries(overrides)) table[status] = { ...(table[status] ?? {}), ...row };
  return {
    undocumented(_op: Operation, status: number, situation: StatusSituation): StatusVerdict {
      const verdict = lookup(table, status, situation);
      return { verdict, reason: REASONS[verdict](status, situation) };
    },
    errorBodyProblems: mistralErrorBodyProblems,
    describe() {
      return Object.entries(table).map(([status, row]) => ({
        status,
        situations: Object.entries(row)
          .map(([sit, v]) => `${sit}: ${v}`)
          .join('; '),
        verdict: row['*'] ?? 'fail',
        bodyShape: status.startsWith('4') ? '{message, request_id?} | {object:"error", message, type, param, code} | {detail}' : '-',
      }));
    },
  };
}
