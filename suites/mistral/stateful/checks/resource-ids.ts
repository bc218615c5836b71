// Which resource id a step is about: the id its chain's create step returned (never one from a listing).
import type { Exchange } from '../../../engine/types.js';
import { idOf } from '../exchange-data.js';
import type { StepView } from './stateful-check.js';

export function createdId(at: (i: number) => StepView | undefined, of: number): string | undefined {
  return idOf(at(of)?.exchange);
}

/** The last path segment of the request, decoded: the id a retrieve/delete addressed. */
export function idInPath(exchange: Exchange, strip: RegExp = /\/(content|archive|cancel|start)$/): string | undefined {
  try {
    const path = new URL(exchange.request.url).pathname.replace(strip, '');
    const last = path.split('/').pop();
    return last ? decodeURIComponent(last) : undefined;
  } catch {
    return undefined;
  }
}

/** The request went to the Models API (model steps fall back to job polls when no model was produced). */
export function isModelRequest(exchange: Exchange): boolean {
  try {
    const path = new URL(exchange.request.url).pathname;
    return path.startsWith('/v1/models/') || path.startsWith('/v1/fine_tuning/models/');
  } catch {
    return false;
  }
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
