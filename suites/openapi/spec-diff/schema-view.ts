// What a schema allows, read flat for comparison: `$ref`s followed inside its own document, `allOf`
// parts merged (properties, required, types, enums and bounds of every part), and a `null` alternative
// (`anyOf: [X, {type: null}]`, `type: [.., "null"]`) read as "nullable X". Two versions of a document
// are compared through these views, so that moving a property into a base schema is not a change.
import { getAtPointer, joinPointer } from '../json-pointer.js';
import { isObject, type JsonObject } from '../is-object.js';

export interface SchemaView {
  /** Where the schema was found (the last `$ref` target, else the pointer it was reached by). */
  pointer: string;
  /** Allowed JSON types, `null` excluded; empty means any type. */
  types: Set<string>;
  nullable: boolean;
  properties: Map<string, { schema: unknown; pointer: string }>;
  required: Set<string>;
  /** `false` when closed, a schema when constrained, undefined when open. */
  additionalProperties?: false | { schema: unknown; pointer: string };
  /** Allowed values (`enum`, or `const` as one value); undefined when not enumerated. */
  values?: unknown[];
  items?: { schema: unknown; pointer: string };
  /** `anyOf`/`oneOf` alternatives that remain once a null alternative is set aside. */
  alternatives: Array<{ schema: unknown; pointer: string }>;
  /** Numeric and length bounds and other keywords that only ever narrow: `maximum`, `pattern`, ... */
  bounds: Map<string, unknown>;
}

const BOUNDS = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'pattern',
  'format',
  'multipleOf',
];
const MAX_REFS = 32;

/** Follows `$ref` chains (local, `#/...`) in `doc`; undefined when one does not resolve. */
export function resolve(doc: unknown, schema: unknown, pointer: string): { schema: unknown; pointer: string } | undefined {
  let cur = schema;
  let ptr = pointer;
  for (let i = 0; i < MAX_REFS && isObject(cur) && typeof cur.$ref === 'string'; i++) {
    if (!cur.$ref.startsWith('#')) return undefined;
    ptr = cur.$ref.slice(1);
    cur = getAtPointer(doc, ptr);
    if (cur === undefined) return undefined;
  }
  return { schema: cur, pointer: ptr };
}

function isNullSchema(s: unknown): boolean {
  return isObject(s) && (s.type === 'null' || (isObject(s) && 'const' in s && s.const === null && Object.keys(s).length === 1));
}

export function viewOf(doc: unknown, schema: unknown, pointer: string): SchemaView {
  const view: SchemaView = { pointer, types: new Set(), nullable: false, properties: new Map(), required: new Set(), alternatives: [], bounds: new Map() };
  let typed = false;
  const seen = new Set<unknown>();
  // A union inside a union (`anyOf: [{oneOf: [A, B]}, C]`) is read as one list of alternatives.
  const addAlternative = (alt: unknown, ptr: string, depth = 0): void => {
    if (isNullSchema(alt)) {
      view.nullable = true;
      return;
    }
    const r = resolve(doc, alt, ptr);
    const inner = r && isObject(r.schema) ? r.schema : undefined;
    const union = inner && (Array.isArray(inner.oneOf) ? 'oneOf' : Array.isArray(inner.anyOf) ? 'anyOf' : undefined);
    if (inner && union && depth < 4 && inner.type === undefined && inner.properties === undefined && inner.allOf === undefined) {
      (inner[union] as unknown[]).forEach((a, i) => addAlternative(a, `${r!.pointer}/${union}/${i}`, depth + 1));
      return;
    }
    view.alternatives.push({ schema: alt, pointer: ptr });
  };
  const visit = (raw: unknown, ptr: string, top: boolean): void => {
    const r = resolve(doc, raw, ptr);
    if (!r || !isObject(r.schema) || seen.has(r.schema)) return;
    const s: JsonObject = r.schema;
    seen.add(s);
    if (top) view.pointer = r.pointer;
    if (s.type !== undefined) {
      const list = (Array.isArray(s.type) ? s.type : [s.type]).filter((t): t is string => typeof t === 'string');
      if (list.includes('null')) view.nullable = true;
      const own = list.filter((t) => t !== 'null');
      // allOf parts intersect: a part that names types narrows what an earlier one allowed.
      if (!typed) own.forEach((t) => view.types.add(t));
      else for (const t of [...view.types]) if (!own.includes(t) && !(t === 'integer' && own.includes('number'))) view.types.delete(t);
      typed = true;
    }
    if (isObject(s.properties))
      for (const [name, p] of Object.entries(s.properties)) view.properties.set(name, { schema: p, pointer: joinPointer(r.pointer, 'properties', name) });
    if (Array.isArray(s.required)) for (const n of s.required) if (typeof n === 'string') view.required.add(n);
    if (s.additionalProperties === false) view.additionalProperties = false;
    else if (isObject(s.additionalProperties) && view.additionalProperties === undefined)
      view.additionalProperties = { schema: s.additionalProperties, pointer: `${r.pointer}/additionalProperties` };
    if (Array.isArray(s.enum)) {
      if (s.enum.includes(null)) view.nullable = true;
      view.values = s.enum.filter((v) => v !== null);
    }
    if ('const' in s) {
      if (s.const === null) view.nullable = true;
      else view.values = [s.const];
    }
    if (s.items !== undefined && !Array.isArray(s.items)) view.items = { schema: s.items, pointer: `${r.pointer}/items` };
    for (const k of BOUNDS) if (s[k] !== undefined) view.bounds.set(k, s[k]);
    for (const key of ['anyOf', 'oneOf'] as const) {
      const list = s[key];
      if (Array.isArray(list)) list.forEach((alt, i) => addAlternative(alt, `${r.pointer}/${key}/${i}`));
    }
    if (Array.isArray(s.allOf)) s.allOf.forEach((part, i) => visit(part, `${r.pointer}/allOf/${i}`, false));
  };
  visit(schema, pointer, true);
  // `anyOf: [X, null]`: the view is X's, nullable.
  if (view.alternatives.length === 1 && !typed && view.properties.size === 0) {
    const only = view.alternatives[0]!;
    const inner = viewOf(doc, only.schema, only.pointer);
    return { ...inner, nullable: inner.nullable || view.nullable };
  }
  return view;
}

/** A short name for an alternative, to pair it across versions: its `$ref` target, title or const tag. */
export function alternativeName(doc: unknown, alt: { schema: unknown; pointer: string }): string | undefined {
  if (isObject(alt.schema) && typeof alt.schema.$ref === 'string') return alt.schema.$ref.split('/').pop();
  const r = resolve(doc, alt.schema, alt.pointer);
  if (!r || !isObject(r.schema)) return undefined;
  if (typeof r.schema.title === 'string') return r.schema.title;
  const view = viewOf(doc, alt.schema, alt.pointer);
  for (const key of ['type', 'role', 'object']) {
    const p = view.properties.get(key);
    const v = p && viewOf(doc, p.schema, p.pointer).values;
    if (v?.length === 1) return `${key}=${String(v[0])}`;
  }
  if (view.types.size === 1) return `type ${[...view.types][0]}`;
  return undefined;
}
