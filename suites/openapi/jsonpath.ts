// The part of JSONPath (RFC 9535) that overlays use: `$`, `.name`, `['name']`, `[0]`, `*`, `..name`,
// `..[selector]`, filters comparing `@` or `@.member` with a literal (`[?@.type == 'x']`,
// `[?(@ == 'data')]`) and existence filters (`[?@.discriminator]`).
// Returns concrete paths so callers can remove or replace what was selected.
import { isObject } from './is-object.js';

export type PathSegment = string | number;

type Selector =
  | { kind: 'name'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'wildcard' }
  | { kind: 'descendant'; inner: Selector }
  | { kind: 'filter'; member: string[]; op: '==' | '!=' | 'exists'; value?: unknown };

export class JsonPathError extends Error {
  override name = 'JsonPathError';
}

function parseLiteral(text: string): unknown {
  const t = text.trim();
  if (/^'.*'$/.test(t)) return t.slice(1, -1).replace(/\\'/g, "'");
  try {
    return JSON.parse(t);
  } catch {
    throw new JsonPathError(`unsupported literal in filter: ${t}`);
  }
}

function parseFilter(body: string): Selector {
  const inner = body
    .replace(/^\?\s*/, '')
    .replace(/^\((.*)\)$/s, '$1')
    .trim();
  const exists = /^@((?:\.[A-Za-z_$][\w$-]*)+)$/.exec(inner);
  if (exists) return { kind: 'filter', member: exists[1]!.slice(1).split('.'), op: 'exists' };
  const m = /^@((?:\.[A-Za-z_$][\w$-]*)*)\s*(==|!=)\s*(.+)$/s.exec(inner);
  if (!m) throw new JsonPathError(`unsupported filter: [${body}]`);
  return { kind: 'filter', member: m[1] ? m[1].slice(1).split('.') : [], op: m[2] as '==' | '!=', value: parseLiteral(m[3]!) };
}

/** Parses the bracket selector starting at `expr[i] === '['`; returns it and the index after `]`. */
function parseBracket(expr: string, i: number): [Selector, number] {
  // Find the matching `]`, honouring quotes.
  let j = i + 1;
  let quote: string | null = null;
  for (; j < expr.length; j++) {
    const c = expr[j];
    if (quote) {
      if (c === '\\') j++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === ']') break;
  }
  if (j >= expr.length) throw new JsonPathError(`unclosed [ in ${expr}`);
  const body = expr.slice(i + 1, j).trim();
  let sel: Selector;
  if (body === '*') sel = { kind: 'wildcard' };
  else if (/^-?\d+$/.test(body)) sel = { kind: 'index', index: Number(body) };
  else if (/^(['"]).*\1$/s.test(body)) sel = { kind: 'name', name: parseLiteral(body.replace(/^"(.*)"$/s, "'$1'")) as string };
  else if (body.startsWith('?')) sel = parseFilter(body);
  else throw new JsonPathError(`unsupported selector [${body}] in ${expr}`);
  return [sel, j + 1];
}

export function parseJsonPath(expr: string): Selector[] {
  if (!expr.startsWith('$')) throw new JsonPathError(`JSONPath must start with $: ${expr}`);
  const out: Selector[] = [];
  let i = 1;
  while (i < expr.length) {
    if (expr.startsWith('..', i)) {
      i += 2;
      const m = /^[A-Za-z_$][\w$-]*/.exec(expr.slice(i));
      if (m) {
        out.push({ kind: 'descendant', inner: { kind: 'name', name: m[0] } });
        i += m[0].length;
      } else if (expr[i] === '*') {
        out.push({ kind: 'descendant', inner: { kind: 'wildcard' } });
        i++;
      } else if (expr[i] === '[') {
        const [sel, next] = parseBracket(expr, i);
        out.push({ kind: 'descendant', inner: sel });
        i = next;
      } else throw new JsonPathError(`bad descendant segment at ${i} in ${expr}`);
    } else if (expr[i] === '.') {
      i++;
      if (expr[i] === '*') {
        out.push({ kind: 'wildcard' });
        i++;
        continue;
      }
      const m = /^[A-Za-z_$][\w$-]*/.exec(expr.slice(i));
      if (!m) throw new JsonPathError(`bad name at ${i} in ${expr}`);
      out.push({ kind: 'name', name: m[0] });
      i += m[0].length;
    } else if (expr[i] === '[') {
      const [sel, next] = parseBracket(expr, i);
      out.push(sel);
      i = next;
    } else throw new JsonPathError(`unexpected "${expr[i]}" at ${i} in ${expr}`);
  }
  return out;
}

function children(node: unknown): Array<[PathSegment, unknown]> {
  if (Array.isArray(node)) return node.map((v, i) => [i, v]);
  if (isObject(node)) return Object.entries(node);
  return [];
}

function memberOf(node: unknown, member: string[]): unknown {
  let cur = node;
  for (const m of member) cur = isObject(cur) ? cur[m] : undefined;
  return cur;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function applySelector(sel: Selector, path: PathSegment[], node: unknown, next: Array<{ path: PathSegment[]; node: unknown }>): void {
  switch (sel.kind) {
    case 'name':
      if (isObject(node) && sel.name in node) next.push({ path: [...path, sel.name], node: node[sel.name] });
      break;
    case 'index':
      if (Array.isArray(node)) {
        const idx = sel.index < 0 ? node.length + sel.index : sel.index;
        if (idx >= 0 && idx < node.length) next.push({ path: [...path, idx], node: node[idx] });
      }
      break;
    case 'wildcard':
      for (const [k, v] of children(node)) next.push({ path: [...path, k], node: v });
      break;
    case 'filter':
      for (const [k, v] of children(node)) {
        let keep: boolean;
        if (sel.op === 'exists') keep = memberOf(v, sel.member) !== undefined;
        else {
          const eq = deepEqual(memberOf(v, sel.member), sel.value);
          keep = sel.op === '==' ? eq : !eq;
        }
        if (keep) next.push({ path: [...path, k], node: v });
      }
      break;
    case 'descendant': {
      // RFC 9535 descendant segment: the inner selector applied to the node and every descendant.
      const visit = (p: PathSegment[], n: unknown): void => {
        applySelector(sel.inner, p, n, next);
        for (const [k, v] of children(n)) visit([...p, k], v);
      };
      visit(path, node);
      break;
    }
  }
}

export function selectPaths(doc: unknown, expr: string): PathSegment[][] {
  let current: Array<{ path: PathSegment[]; node: unknown }> = [{ path: [], node: doc }];
  for (const sel of parseJsonPath(expr)) {
    const next: typeof current = [];
    for (const { path, node } of current) applySelector(sel, path, node, next);
    current = next;
  }
  return current.map((c) => c.path);
}
