// Helpers shared by lint rules: local `$ref` resolution and composition traversal.
import { getAtPointer } from '../json-pointer.js';
import { baseMediaType } from '../model.js';
import { isObject } from '../is-object.js';
import type { Obj } from './types.js';

/** Resolves a local ref (`#/...`) to its pointer and value; undefined when it does not resolve. */
export function resolveLocalRef(doc: Obj, ref: string): { pointer: string; value: unknown } | undefined {
  if (!ref.startsWith('#')) return undefined;
  const pointer = ref.slice(1);
  let value: unknown;
  try {
    value = getAtPointer(doc, pointer);
  } catch {
    return undefined;
  }
  return value === undefined ? undefined : { pointer, value };
}

/** Follows `$ref` chains (bounded) and returns the schema that holds the content. */
export function derefSchema(doc: Obj, schema: unknown, pointer: string): { pointer: string; schema: Obj } | undefined {
  let cur = schema;
  let ptr = pointer;
  for (let i = 0; i < 32 && isObject(cur) && typeof cur.$ref === 'string'; i++) {
    const r = resolveLocalRef(doc, cur.$ref);
    if (!r) return undefined;
    cur = r.value;
    ptr = r.pointer;
  }
  return isObject(cur) ? { pointer: ptr, schema: cur } : undefined;
}

const COMPOSITION = ['allOf', 'anyOf', 'oneOf'];

/**
 * Visits `schema` and every schema combined with it through `$ref`, `allOf`, `anyOf`, `oneOf`,
 * `if`/`then`/`else`: the schemas whose keywords apply to the same instance.
 */
export function visitCombined(doc: Obj, schema: unknown, visit: (s: Obj) => void, seen = new Set<unknown>()): void {
  if (!isObject(schema) || seen.has(schema)) return;
  seen.add(schema);
  visit(schema);
  if (typeof schema.$ref === 'string') {
    const r = resolveLocalRef(doc, schema.$ref);
    if (r) visitCombined(doc, r.value, visit, seen);
  }
  for (const key of COMPOSITION) {
    const list = schema[key];
    if (Array.isArray(list)) for (const s of list) visitCombined(doc, s, visit, seen);
  }
  for (const key of ['if', 'then', 'else']) visitCombined(doc, schema[key], visit, seen);
}

/** The outermost schema reached by climbing `allOf`/`anyOf`/`oneOf`/`then`/`else` links in a pointer. */
export function compositionRoot(pointer: string): string {
  let p = pointer;
  for (;;) {
    const m = /^(.*)\/(?:(?:allOf|anyOf|oneOf)\/\d+|then|else|if)$/.exec(p);
    if (!m) return p;
    p = m[1]!;
  }
}

export function isJsonMediaType(mediaType: string): boolean {
  const base = baseMediaType(mediaType);
  return base === 'application/json' || base.endsWith('+json') || base === '*/*';
}
