// The part of JSONPath (RFC 9535) that overlays use: `$`, `.name`, `['name']`, `[0]`, `*`, `..name`
// and filters comparing `@` or `@.member` with a literal (`[?@.type == 'x']`, `[?(@ == 'data')]`).
// Returns concrete paths so callers can remove or replace what was selected.
import { isObject } from './schema-walk.js';

export type PathSegment = string | number;

type Selector =
  | { kind: 'name'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'wildcard' }
  | { kind: 'descendant'; name: string | null }
  | { kind: 'filter'; member: string[]; op: '==' | '!='; value: unknown };

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
  const inner = body.replace(/^\?\s*/, '').replace(/^\((.*)\)$/s, '$1').trim();
  const m = /^@((?:\.[A-Za-z_$][\w$-]*)*)\s*(==|!=)\s*(.+)$/s.exec(inner);
  if (!m) throw new JsonPathError(`unsupported filter: [${body}]`);
  return { kind: 'filter', member: m[1] ? m[1].slice(1).split('.') : [], op: m[2] as '==' | '!=', value: parseLiteral(m[3]!) };
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
        out.push({ kind: 'descendant', name: m[0] });
        i += m[0].length;
      } else if (expr[i] === '*') {
        out.push({ kind: 'descendant', name: null });
        i++;
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
      if (body === '*') out.push({ kind: 'wildcard' });
      else if (/^-?\d+$/.test(body)) out.push({ kind: 'index', index: Number(body) });
      else if (/^(['"]).*\1$/s.test(body)) out.push({ kind: 'name', name: parseLiteral(body.replace(/^"(.*)"$/s, "'$1'")) as string });
      else if (body.startsWith('?')) out.push(parseFilter(body));
      else throw new JsonPathError(`unsupported selector [${body}] in ${expr}`);
      i = j + 1;
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

export function selectPaths(doc: unknown, expr: string): PathSegment[][] {
  let current: Array<{ path: PathSegment[]; node: unknown }> = [{ path: [], node: doc }];
  for (const sel of parseJsonPath(expr)) {
    const next: typeof current = [];
    for (const { path, node } of current) {
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
            const eq = deepEqual(memberOf(v, sel.member), sel.value);
            if (sel.op === '==' ? eq : !eq) next.push({ path: [...path, k], node: v });
          }
          break;
        case 'descendant': {
          const visit = (p: PathSegment[], n: unknown): void => {
            for (const [k, v] of children(n)) {
              if (sel.name === null || k === sel.name) next.push({ path: [...p, k], node: v });
              visit([...p, k], v);
            }
          };
          visit(path, node);
          break;
        }
      }
    }
    current = next;
  }
  return current.map((c) => c.path);
}
