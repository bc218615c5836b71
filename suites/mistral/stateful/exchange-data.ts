// Small readers over exchanges shared by the stateful checks and step builders: the parsed JSON body,
// the query as sent, and the items of a list response. Pure, no I/O.
import type { Exchange } from '../../engine/types.js';
import { isObject } from '../../openapi/is-object.js';

export type Json = Record<string, unknown>;

/** The response body when it is a JSON object. */
export function bodyOf(exchange: Exchange | undefined): Json | undefined {
  const json = exchange?.response?.json;
  return isObject(json) ? json : undefined;
}

export function statusOf(exchange: Exchange | undefined): number | undefined {
  return exchange?.response?.status;
}

export function isSuccess(exchange: Exchange | undefined): boolean {
  const s = statusOf(exchange);
  return s !== undefined && s >= 200 && s < 300;
}

/** A string field of the response body. */
export function stringField(exchange: Exchange | undefined, field: string): string | undefined {
  const v = bodyOf(exchange)?.[field];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The `id` a successful response returned. */
export function idOf(exchange: Exchange | undefined): string | undefined {
  return isSuccess(exchange) ? stringField(exchange, 'id') : undefined;
}

/** The query parameters as sent (read back from the URL, so checks judge what really went out). */
export function queryOf(exchange: Exchange): URLSearchParams {
  try {
    return new URL(exchange.request.url).searchParams;
  } catch {
    return new URLSearchParams();
  }
}

export interface ListPage {
  items: Json[];
  total?: number;
}

/** `{data: [...], total}` of a list response; undefined when the body is not a list. */
export function listOf(exchange: Exchange | undefined): ListPage | undefined {
  const body = bodyOf(exchange);
  if (!body || !Array.isArray(body.data)) return undefined;
  const items = body.data.filter(isObject);
  const page: ListPage = { items };
  if (typeof body.total === 'number' && Number.isInteger(body.total)) page.total = body.total;
  return page;
}

export function describeStatus(exchange: Exchange | undefined): string {
  if (!exchange) return 'no exchange';
  if (exchange.error) return `${exchange.error.kind}: ${exchange.error.message}`;
  return `HTTP ${exchange.response?.status ?? '?'}`;
}
