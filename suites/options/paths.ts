// Dotted paths into plain objects: an option's place in the run API (`budget.maxRequests`) or in a
// config file (`rateLimit.requestsPerSecond`).
import { isObject } from '../openapi/is-object.js';

type Obj = Record<string, unknown>;

export function getAt(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (isObject(v) ? v[k] : undefined), obj);
}

/** Sets the value, making the objects on the way (replacing what is not an object). */
export function setAt(obj: Obj, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = obj;
  for (const k of keys.slice(0, -1)) at = isObject(at[k]) ? (at[k] as Obj) : (at[k] = {});
  at[keys.at(-1)!] = value;
}
