// Reading the JSON request a check judges the answer against.
import { clip } from '../../engine/clip.js';
import type { Exchange, ExchangeContext } from '../../engine/types.js';
import { isObject } from '../../openapi/is-object.js';

export type Obj = Record<string, unknown>;

/** The JSON object the exchange sent: the parsed body as sent, or its text when only that was kept. */
export function requestOf(exchange: Exchange): Obj | undefined {
  if (isObject(exchange.request.json)) return exchange.request.json;
  const text = exchange.request.bodyText;
  if (text === undefined || !text.trimStart().startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    // Not JSON, or cut for the report: nothing can be read from it.
    return undefined;
  }
}

export function isSuccess(exchange: Exchange): boolean {
  const s = exchange.response?.status;
  return s !== undefined && s >= 200 && s < 300;
}

/** Choices asked for (`n`, default 1). */
export function requestedN(req: Obj | undefined): number {
  const n = req?.n;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : 1;
}

export function integerField(req: Obj | undefined, key: string): number | undefined {
  const v = req?.[key];
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

/** Non-empty stop sequences of the request (string or list form). */
export function stopSequences(req: Obj | undefined): string[] {
  const stop = req?.stop;
  const list = typeof stop === 'string' ? [stop] : Array.isArray(stop) ? stop : [];
  return list.filter((s): s is string => typeof s === 'string' && s.length > 0);
}

/**
 * Whether the request asks to stop on a sequence: `stop` as a string (the empty string too: an empty
 * stop sequence may end the answer at once) or a non-empty list.
 */
export function asksStop(req: Obj | undefined): boolean {
  const stop = req?.stop;
  return typeof stop === 'string' || (Array.isArray(stop) && stop.some((s) => typeof s === 'string'));
}

/**
 * An exchange check whose id is also in the case's `caseChecks` leaves the verdict to its case-scope
 * twin, which judges all k repetitions at once (pass@k / pass^k) instead of one outcome per call.
 */
export function judgedByCase(ctx: Pick<ExchangeContext, 'testCase'>, id: string): boolean {
  return ctx.testCase.caseChecks?.includes(id) === true;
}

/** A short excerpt of `text`, quoted, for a failure message. */
export function quoted(text: string, max = 60): string {
  return JSON.stringify(clip(text, max));
}
