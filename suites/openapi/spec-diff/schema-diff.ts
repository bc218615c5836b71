// Compares what two versions of a schema allow and says who each difference breaks. A change either
// narrows what is valid (a value valid before is not any more), widens it (a value invalid before is
// valid now), or both. Who suffers depends on who writes the value: in a request the client writes and
// the server reads, in a response the other way round. Narrowing breaks the writer built on the old
// contract (its values are now refused), widening breaks the reader built on it (it meets values it
// does not know). A removed property breaks the client either way: what it used is gone.
import { type Alternative, pairAlternatives } from './pair-alternatives.js';
import { alternativeName, resolve, viewOf, type SchemaView } from './schema-view.js';

export type Role = 'request' | 'response';
export type Party = 'client' | 'server';
type Effect = 'narrows' | 'widens' | 'both' | 'none';

export type SchemaChangeKind =
  | 'property-removed'
  | 'property-added'
  | 'required-added'
  | 'required-removed'
  | 'type-changed'
  | 'nullable-removed'
  | 'nullable-added'
  | 'enum-values-removed'
  | 'enum-values-added'
  | 'enum-added'
  | 'enum-removed'
  | 'bound-changed'
  | 'additional-properties-closed'
  | 'additional-properties-opened'
  | 'alternatives-removed'
  | 'alternatives-added'
  | 'unresolvable';

export interface SchemaChange {
  /** Where in the value: `messages[].content`, `` for the value itself. */
  at: string;
  kind: SchemaChangeKind;
  detail: string;
  /** Who built on the old contract this breaks: [] for a compatible change. */
  breaks: Party[];
}

export interface DiffSide {
  doc: unknown;
  schema: unknown;
  pointer: string;
}

const MAX_DEPTH = 24;
const MIN_BOUNDS = new Set(['minimum', 'exclusiveMinimum', 'minLength', 'minItems']);
const MAX_BOUNDS = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems']);

function breaksOf(effect: Effect, role: Role): Party[] {
  const writer: Party = role === 'request' ? 'client' : 'server';
  const reader: Party = role === 'request' ? 'server' : 'client';
  if (effect === 'narrows') return [writer];
  if (effect === 'widens') return [reader];
  if (effect === 'both') return ['client', 'server'];
  return [];
}

const key = (v: unknown): string => JSON.stringify(v);
const list = (vs: unknown[]): string => vs.map((v) => (typeof v === 'string' ? v : key(v))).join(', ');
const join = (at: string, name: string): string => (at ? `${at}.${name}` : name);

/** Types a view allows, looking through alternatives when it names none itself. */
function typesOf(doc: unknown, v: SchemaView): Set<string> {
  if (v.types.size || !v.alternatives.length) return v.types;
  const out = new Set<string>();
  for (const alt of v.alternatives) {
    const t = typesOf(doc, viewOf(doc, alt.schema, alt.pointer));
    if (!t.size) return new Set();
    for (const x of t) out.add(x);
  }
  return out;
}

const covers = (set: Set<string>, t: string): boolean => set.has(t) || (t === 'integer' && set.has('number'));

function compareTypes(a: Set<string>, b: Set<string>): Effect {
  if (!a.size && !b.size) return 'none';
  if (!a.size) return 'narrows';
  if (!b.size) return 'widens';
  const aInB = [...a].every((t) => covers(b, t));
  const bInA = [...b].every((t) => covers(a, t));
  if (aInB && bInA) return 'none';
  if (bInA) return 'narrows';
  if (aInB) return 'widens';
  return 'both';
}

function compareBound(name: string, a: unknown, b: unknown): Effect {
  if (key(a) === key(b)) return 'none';
  if (a === undefined) return 'narrows';
  if (b === undefined) return 'widens';
  if (typeof a === 'number' && typeof b === 'number') {
    if (MIN_BOUNDS.has(name)) return b > a ? 'narrows' : 'widens';
    if (MAX_BOUNDS.has(name)) return b < a ? 'narrows' : 'widens';
  }
  return 'both';
}

export function diffSchemas(oldSide: DiffSide, newSide: DiffSide, role: Role): SchemaChange[] {
  const out: SchemaChange[] = [];
  const seen = new Set<string>();
  const add = (at: string, kind: SchemaChangeKind, detail: string, effect: Effect, breaks?: Party[]): void => {
    out.push({ at, kind, detail, breaks: breaks ?? breaksOf(effect, role) });
  };

  const walk = (o: { schema: unknown; pointer: string }, n: { schema: unknown; pointer: string }, at: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const ro = resolve(oldSide.doc, o.schema, o.pointer);
    const rn = resolve(newSide.doc, n.schema, n.pointer);
    if (!ro || !rn) {
      if (!ro !== !rn) add(at, 'unresolvable', `a $ref does not resolve in the ${ro ? 'new' : 'old'} document`, 'none');
      return;
    }
    // A schema pair is compared once per diff: a shared schema (UsageInfo) reports its changes at the
    // first place it is met, and recursive schemas end.
    const pair = `${ro.pointer}|${rn.pointer}`;
    if (seen.has(pair)) return;
    seen.add(pair);
    if (key(ro.schema) === key(rn.schema) && !JSON.stringify(ro.schema).includes('"$ref"')) return;
    const a = viewOf(oldSide.doc, o.schema, o.pointer);
    const b = viewOf(newSide.doc, n.schema, n.pointer);

    const ta = typesOf(oldSide.doc, a);
    const tb = typesOf(newSide.doc, b);
    const typeEffect = compareTypes(ta, tb);
    if (typeEffect !== 'none') {
      const show = (t: Set<string>): string => (t.size ? [...t].sort().join(' | ') : 'any');
      add(at, 'type-changed', `type ${show(ta)} → ${show(tb)}`, typeEffect);
      // A value of another kind altogether: what lies below is not comparable.
      if (typeEffect === 'both' && ta.size && tb.size) return;
    }
    if (a.nullable !== b.nullable)
      add(at, b.nullable ? 'nullable-added' : 'nullable-removed', b.nullable ? 'may now be null' : 'may no longer be null', b.nullable ? 'widens' : 'narrows');

    if (a.values && b.values) {
      const bs = new Set(b.values.map(key));
      const as = new Set(a.values.map(key));
      const removed = a.values.filter((v) => !bs.has(key(v)));
      const added = b.values.filter((v) => !as.has(key(v)));
      if (removed.length) add(at, 'enum-values-removed', `values removed: ${list(removed)}`, 'narrows');
      if (added.length) add(at, 'enum-values-added', `values added: ${list(added)}`, 'widens');
    } else if (b.values) add(at, 'enum-added', `now limited to: ${list(b.values)}`, 'narrows');
    else if (a.values) add(at, 'enum-removed', `no longer limited to: ${list(a.values)}`, 'widens');

    for (const name of new Set([...a.bounds.keys(), ...b.bounds.keys()])) {
      const effect = compareBound(name, a.bounds.get(name), b.bounds.get(name));
      if (effect !== 'none') add(at, 'bound-changed', `${name} ${key(a.bounds.get(name)) ?? 'none'} → ${key(b.bounds.get(name)) ?? 'none'}`, effect);
    }

    // A single schema facing a union: compare it with its counterpart among the alternatives instead.
    if (!a.alternatives.length !== !b.alternatives.length) {
      diffAlternatives(a, b, at, depth, typeEffect !== 'none');
      return;
    }

    // Object members.
    for (const [name, p] of a.properties) {
      const q = b.properties.get(name);
      if (!q) {
        const closed = b.additionalProperties === false;
        add(join(at, name), 'property-removed', `property removed${closed ? ' (and refused: the object is closed)' : ''}`, 'none', ['client']);
        continue;
      }
      walk(p, q, join(at, name), depth + 1);
    }
    for (const name of b.properties.keys()) {
      if (a.properties.has(name)) continue;
      const required = b.required.has(name);
      // An optional member new to a request breaks a strict old server (pydantic's extra="forbid"); new
      // to a response, only an old reader of a closed object.
      const effect: Effect = required ? 'narrows' : role === 'request' || a.additionalProperties === false ? 'widens' : 'none';
      add(join(at, name), 'property-added', `property added (${required ? 'required' : 'optional'})`, effect);
    }
    for (const name of b.required) if (!a.required.has(name) && a.properties.has(name)) add(join(at, name), 'required-added', 'now required', 'narrows');
    for (const name of a.required) if (!b.required.has(name) && b.properties.has(name)) add(join(at, name), 'required-removed', 'no longer required', 'widens');
    if (a.additionalProperties !== false && b.additionalProperties === false && (a.properties.size || b.properties.size))
      add(at, 'additional-properties-closed', 'undeclared members now refused', 'narrows');
    if (a.additionalProperties === false && b.additionalProperties !== false)
      add(at, 'additional-properties-opened', 'undeclared members now allowed', 'widens');
    if (typeof a.additionalProperties === 'object' && typeof b.additionalProperties === 'object')
      walk(a.additionalProperties, b.additionalProperties, join(at, '*'), depth + 1);

    if (a.items && b.items) walk(a.items, b.items, `${at}[]`, depth + 1);

    if (a.alternatives.length) diffAlternatives(a, b, at, depth, false);
  };

  const diffAlternatives = (a: SchemaView, b: SchemaView, at: string, depth: number, typeReported: boolean): void => {
    // A single schema facing a union is read as a union of one (JobOut → CompletionJobOut | ClassifierJobOut).
    const asAlternatives = (doc: unknown, v: SchemaView): Alternative[] => {
      if (v.alternatives.length) return v.alternatives;
      const component = /^\/components\/schemas\/([^/]+)$/.exec(v.pointer)?.[1];
      const name = component ?? alternativeName(doc, { schema: resolve(doc, { $ref: `#${v.pointer}` }, v.pointer)?.schema, pointer: v.pointer });
      return [{ schema: { $ref: `#${v.pointer}` }, pointer: v.pointer, ...(name ? { name } : {}) }];
    };
    const { pairs, removed, added } = pairAlternatives(oldSide.doc, asAlternatives(oldSide.doc, a), newSide.doc, asAlternatives(newSide.doc, b));
    // Alternatives that differ only by type were reported as the type change already.
    const report = (names: string[]): string[] => (typeReported ? names.filter((n) => !n.startsWith('type ')) : names);
    if (report(removed).length) add(at, 'alternatives-removed', `alternatives removed: ${report(removed).join(', ')}`, 'narrows');
    if (report(added).length) add(at, 'alternatives-added', `alternatives added: ${report(added).join(', ')}`, 'widens');
    const union = a.alternatives.length > 0 && b.alternatives.length > 0;
    for (const p of pairs) walk(p.old, p.new, union || !p.name?.startsWith('type ') ? `${at}<${p.name}>` : at, depth + 1);
  };

  walk({ schema: oldSide.schema, pointer: oldSide.pointer }, { schema: newSide.schema, pointer: newSide.pointer }, '', 0);
  return out;
}
