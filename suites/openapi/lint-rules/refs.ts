// Every `$ref` string in the document with the pointer of the object that carries it.
import { joinPointer, unescapeToken } from '../json-pointer.js';
import { isObject } from '../is-object.js';

export function collectRefs(node: unknown, pointer = ''): Array<{ pointer: string; ref: string }> {
  const out: Array<{ pointer: string; ref: string }> = [];
  const visit = (n: unknown, p: string): void => {
    if (Array.isArray(n)) n.forEach((v, i) => visit(v, joinPointer(p, i)));
    else if (isObject(n)) {
      if (typeof n.$ref === 'string') out.push({ pointer: p, ref: n.$ref });
      for (const [k, v] of Object.entries(n)) {
        // Examples are data, not document structure: a `$ref` inside one is a value.
        if (k === 'example' || k === 'examples' || k === 'default' || k === 'const' || k === 'enum') continue;
        visit(v, joinPointer(p, k));
      }
    }
  };
  visit(node, pointer);
  return out;
}

/** The nearest enclosing `$defs` map (by pointer) that defines `name`, if any. */
export function enclosingDefs(doc: unknown, pointer: string, name: string): string | undefined {
  const tokens = pointer.split('/').slice(1);
  // The node at each prefix of the pointer (arrays included: `allOf/0` may carry the `$defs`).
  const chain: unknown[] = [doc];
  for (const t of tokens) {
    const node = chain[chain.length - 1];
    chain.push(isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[unescapeToken(t)] : undefined);
  }
  for (let n = chain.length - 1; n >= 0; n--) {
    const node = chain[n];
    if (isObject(node) && isObject(node.$defs) && name in node.$defs) return ['', ...tokens.slice(0, n)].join('/');
  }
  return undefined;
}
