// The schemas a discriminator chooses between: its `oneOf`/`anyOf` members and mapping targets, or
// the schema itself when it is the base of an allOf hierarchy.
import { joinPointer } from '../json-pointer.js';
import { isObject } from '../is-object.js';
import { derefSchema, resolveLocalRef } from './support.js';
import type { Obj } from './types.js';

export interface Discriminated {
  pointer: string;
  schema: Obj;
  propertyName: string;
  mapping: Record<string, string>;
}

export function discriminators(schemas: Array<[string, Obj]>): Discriminated[] {
  const out: Discriminated[] = [];
  for (const [pointer, s] of schemas) {
    if (!isObject(s.discriminator) || typeof s.discriminator.propertyName !== 'string') continue;
    const mapping: Record<string, string> = {};
    if (isObject(s.discriminator.mapping)) for (const [k, v] of Object.entries(s.discriminator.mapping)) if (typeof v === 'string') mapping[k] = v;
    out.push({ pointer, schema: s, propertyName: s.discriminator.propertyName, mapping });
  }
  return out;
}

/** A mapping value is a ref (`#/components/schemas/X`) or a bare component schema name. */
export function mappingRef(value: string): string {
  return value.startsWith('#') || value.includes('/') ? value : `#/components/schemas/${value}`;
}

export function candidates(doc: Obj, d: Discriminated): Array<{ pointer: string; schema: Obj }> {
  const found = new Map<string, Obj>();
  const add = (raw: unknown, pointer: string): void => {
    const r = derefSchema(doc, raw, pointer);
    if (r) found.set(r.pointer, r.schema);
  };
  let members = 0;
  for (const key of ['oneOf', 'anyOf']) {
    const list = d.schema[key];
    if (Array.isArray(list))
      list.forEach((m, i) => {
        members++;
        add(m, joinPointer(d.pointer, key, i));
      });
  }
  for (const v of Object.values(d.mapping)) {
    const r = resolveLocalRef(doc, mappingRef(v));
    if (r) add(r.value, r.pointer);
  }
  if (members === 0 && found.size === 0) found.set(d.pointer, d.schema);
  return [...found].map(([pointer, schema]) => ({ pointer, schema }));
}
