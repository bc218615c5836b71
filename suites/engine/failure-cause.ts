// What makes two failures the same failure: the check and operation (where the reducer files them),
// the constraint the request broke, the status the target answered, and a signature of the error
// message with its variable parts (numbers, ids, long quoted values) masked. llama.cpp answers 500 for
// dozens of reasons ("Invalid tool_choice: any", "Cannot use tools with stream"): each is a cause of its
// own, kept with its count and a sample, however many other causes the same check has.
import { isObject } from '../openapi/is-object.js';
import type { CheckOutcomeRecord } from './events.js';
import type { Exchange, Violation } from './types.js';

export interface FailureCause {
  /** The constraint the request broke (negative and coverage cases). */
  constraint?: string;
  location?: string;
  /** The HTTP status answered, or the transport error (`reset`, `timeout`) when none was. */
  status?: number | string;
  /** The error message (the target's, else the check's first line) with its variable parts masked. */
  signature: string;
  /** Outcomes of this cause so far. */
  count: number;
}

const MAX_SIGNATURE = 160;

/** The error message a target put in its answer: `message`, `detail`, `error.message`, a 422's first `msg`, or plain text. */
export function errorMessageOf(exchange: Exchange | undefined): string | undefined {
  const res = exchange?.response;
  if (!res || res.status < 400) return undefined;
  const body = res.json ?? parsed(res.bodyText);
  if (isObject(body)) {
    const error = body.error;
    if (isObject(error) && typeof error.message === 'string') return error.message;
    if (typeof error === 'string') return error;
    if (typeof body.message === 'string') return body.message;
    if (typeof body.detail === 'string') return body.detail;
    if (Array.isArray(body.detail) && isObject(body.detail[0]) && typeof body.detail[0].msg === 'string') return body.detail[0].msg;
  }
  const text = res.bodyText.trim();
  return text && !text.startsWith('{') && !text.startsWith('<') ? text.split('\n', 1)[0] : undefined;
}

/** A body kept as text only (reports drop parsed copies): parsed again when it is small, whole JSON. */
function parsed(text: string): unknown {
  if (text.length > 65536 || !text.trimStart().startsWith('{')) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Masks what varies between instances of one cause: ids, numbers, long quoted values, spacing. */
export function normaliseSignature(message: string): string {
  const one = message.split('\n', 1)[0] ?? '';
  const masked = one
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/\b[A-Za-z]+[-_][A-Za-z0-9]{12,}\b/g, '<id>')
    .replace(/\b[0-9a-f]{12,}\b/gi, '<id>')
    .replace(/"[^"\n]{25,}"/g, '"…"')
    .replace(/-?\b\d+(?:\.\d+)?(?:e[-+]?\d+)?\b/gi, '<n>')
    .replace(/\s+/g, ' ')
    .trim();
  return masked.length > MAX_SIGNATURE ? `${masked.slice(0, MAX_SIGNATURE)}…` : masked;
}

/** The exchange an outcome is about: its step's, else the case's last. */
export function exchangeOf(exchanges: Exchange[], step?: number): Exchange | undefined {
  return step !== undefined ? exchanges[step] : exchanges[exchanges.length - 1];
}

/**
 * The cause of one failing outcome (failed, warning or errored), not yet counted, and its key: equal
 * keys within one (operation, check), same cause.
 */
export function causeOf(outcome: CheckOutcomeRecord, violation: Violation | undefined, exchanges: Exchange[]): { key: string; cause: FailureCause } {
  const ex = exchangeOf(exchanges, outcome.step);
  const status: number | string | undefined = ex?.response?.status ?? ex?.error?.kind;
  const signature = normaliseSignature(errorMessageOf(ex) ?? outcome.message ?? '');
  const cause: FailureCause = { signature, count: 0 };
  if (violation) [cause.constraint, cause.location] = [violation.constraint, violation.location];
  if (status !== undefined) cause.status = status;
  const key = [outcome.status, violation?.constraint ?? '', violation?.location ?? '', status ?? '', signature].join('\u0000');
  return { key, cause };
}
