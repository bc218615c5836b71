// Brings every schema of an OpenAPI 3.0 or 3.1 document to JSON Schema 2020-12 so that one validator
// and one generator serve both. Each rewrite is recorded: lint reports them, because a construct that
// had to be rewritten is a defect (or a 3.0 habit) of the document.
import { documentSchemaRoots, walkSchema } from './schema-walk.js';
import { isObject } from './is-object.js';

export interface Normalisation {
  pointer: string;
  rule: 'nullable' | 'exclusive-bound-boolean' | 'tuple-items' | 'local-defs-ref';
  detail: string;
}

type Obj = Record<string, unknown>;

function normaliseNullable(s: Obj, pointer: string, out: Normalisation[], is30: boolean): void {
  if (!('nullable' in s)) return;
  const nullable = s.nullable === true;
  delete s.nullable;
  if (!is30) out.push({ pointer, rule: 'nullable', detail: '`nullable` is an OpenAPI 3.0 keyword, not JSON Schema 2020-12; read as "or null"' });
  if (!nullable) return;
  if (typeof s.type === 'string') s.type = [s.type, 'null'];
  else if (Array.isArray(s.type)) {
    if (!s.type.includes('null')) s.type = [...s.type, 'null'];
  } else {
    // No own type (a `$ref`, `allOf`, ...): "this, or null".
    const rest: Obj = { ...s };
    for (const k of Object.keys(s)) delete s[k];
    s.anyOf = [rest, { type: 'null' }];
    return;
  }
  if (Array.isArray(s.enum) && !s.enum.includes(null)) s.enum = [...s.enum, null];
}

function normaliseBounds(s: Obj, pointer: string, out: Normalisation[]): void {
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof s[flag] === 'boolean') {
      out.push({ pointer, rule: 'exclusive-bound-boolean', detail: `boolean \`${flag}\` (OpenAPI 3.0) rewritten to a number` });
      if (s[flag] === true && typeof s[bound] === 'number') {
        s[flag] = s[bound];
        delete s[bound];
      } else delete s[flag];
    }
  }
}

function normaliseTupleItems(s: Obj, pointer: string, out: Normalisation[]): void {
  if (!Array.isArray(s.items)) return;
  // Draft-04..2019 tuple validation: the faithful 2020-12 reading of the literal document.
  out.push({ pointer, rule: 'tuple-items', detail: '`items` given as an array (tuple form) is invalid in JSON Schema 2020-12; read as `prefixItems`' });
  s.prefixItems = s.items;
  delete s.items;
  if ('additionalItems' in s) {
    s.items = s.additionalItems;
    delete s.additionalItems;
  }
}

/**
 * `$ref: "#/$defs/X"` inside a schema that carries its own `$defs` (pydantic output pasted into an
 * OpenAPI document): `#` resolves to the document root, which has no `$defs`. Point it at the nearest
 * enclosing `$defs` that has the name, which is what the author meant.
 */
function rewriteLocalDefs(root: Obj, rootPointer: string, doc: Obj, out: Normalisation[]): void {
  if ('$defs' in doc) return;
  const scopes: Array<{ pointer: string; defs: Obj }> = [];
  walkSchema(root, rootPointer, (s, pointer) => {
    if (isObject(s.$defs)) scopes.push({ pointer, defs: s.$defs });
  });
  if (scopes.length === 0) return;
  walkSchema(root, rootPointer, (s, pointer) => {
    if (typeof s.$ref !== 'string' || !s.$ref.startsWith('#/$defs/')) return;
    const name = s.$ref.slice('#/$defs/'.length).split('/')[0]!;
    // Nearest enclosing scope: the longest scope pointer that prefixes this pointer.
    const scope = scopes
      .filter((sc) => (pointer === sc.pointer || pointer.startsWith(`${sc.pointer}/`)) && name in sc.defs)
      .sort((a, b) => b.pointer.length - a.pointer.length)[0];
    if (!scope) return;
    const target = `#${scope.pointer}${s.$ref.slice(1)}`;
    out.push({ pointer, rule: 'local-defs-ref', detail: `\`${s.$ref}\` resolved against the enclosing schema's $defs (${target})` });
    s.$ref = target;
  });
}

/** Mutates `doc` in place; returns what it rewrote. */
export function normaliseDocument(doc: Obj): Normalisation[] {
  const out: Normalisation[] = [];
  const is30 = typeof doc.openapi === 'string' && doc.openapi.startsWith('3.0');
  for (const [pointer, root] of [...documentSchemaRoots(doc)]) {
    if (!isObject(root)) continue;
    rewriteLocalDefs(root, pointer, doc, out);
    walkSchema(root, pointer, (s, p) => {
      normaliseNullable(s, p, out, is30);
      normaliseBounds(s, p, out);
      normaliseTupleItems(s, p, out);
    });
  }
  return out;
}
