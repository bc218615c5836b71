// Which operation a request calls: method + concrete path → Operation, by the document's path
// templates. One answer for the runner, the recorded-traffic validator and the reference server.
// A literal segment wins over a templated one, segment by segment from the left (OpenAPI: concrete
// paths match before templated ones): `GET /v1/workflows/runs` is the runs list, not a workflow
// named `runs`. Among operations as specific as each other, the document's order decides.
import type { Operation } from './model.js';

export type OperationMatch =
  | {
      kind: 'found';
      op: Operation;
      /** Path parameters, percent-decoded; a value that is not valid percent-encoding stays as sent. */
      params: Record<string, string>;
      /** Names of the parameters whose value could not be decoded. */
      undecodable?: string[];
    }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

export interface OperationMatcher {
  match(method: string, path: string): OperationMatch;
  /** The operation called, if any (`match` without the reasons). */
  find(method: string, path: string): Operation | undefined;
}

type Segment = { literal: string } | { pattern: RegExp; names: string[]; rank: number };

interface Route {
  op: Operation;
  method: string;
  segments: Segment[];
}

// A segment's specificity: literal 2, template with literal text around it 1, a bare `{param}` 0.
const LITERAL_RANK = 2;

function compileSegment(text: string): Segment {
  if (!text.includes('{')) return { literal: text };
  const names: string[] = [];
  const source = text.replace(/[.+?^$()|[\]\\*]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { pattern: new RegExp(`^${source}$`), names, rank: /^\{[^}]+\}$/.test(text) ? 0 : 1 };
}

const rankOf = (s: Segment): number => ('literal' in s ? LITERAL_RANK : s.rank);

/** More specific first: the first segment where two routes differ in kind decides. */
function bySpecificity(a: Route, b: Route): number {
  for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
    const d = rankOf(b.segments[i]!) - rankOf(a.segments[i]!);
    if (d !== 0) return d;
  }
  return 0;
}

/** The path part of a request target: no query, no fragment. */
function pathOnly(path: string): string {
  const end = path.search(/[?#]/);
  return end < 0 ? path : path.slice(0, end);
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** The raw parameter values when the route's template matches these segments, else undefined. */
function bind(route: Route, parts: string[]): Array<[string, string]> | undefined {
  const bound: Array<[string, string]> = [];
  for (let i = 0; i < parts.length; i++) {
    const seg = route.segments[i]!;
    if ('literal' in seg) {
      if (seg.literal !== parts[i]) return undefined;
      continue;
    }
    const m = seg.pattern.exec(parts[i]!);
    if (!m) return undefined;
    seg.names.forEach((name, j) => bound.push([name, m[j + 1]!]));
  }
  return bound;
}

function found(op: Operation, bound: Array<[string, string]>): OperationMatch {
  const params: Record<string, string> = {};
  const undecodable: string[] = [];
  for (const [name, raw] of bound) {
    const value = decode(raw);
    if (value === undefined) undecodable.push(name);
    params[name] = value ?? raw;
  }
  return { kind: 'found', op, params, ...(undecodable.length ? { undecodable } : {}) };
}

export function createOperationMatcher(operations: Operation[]): OperationMatcher {
  // Routes by segment count (a path only ever matches templates with as many segments), most specific first.
  const bySegments = new Map<number, Route[]>();
  for (const op of operations) {
    const segments = op.path.split('/').map(compileSegment);
    const list = bySegments.get(segments.length) ?? [];
    list.push({ op, method: op.method.toUpperCase(), segments });
    bySegments.set(segments.length, list);
  }
  for (const list of bySegments.values()) list.sort(bySpecificity);

  const match = (method: string, path: string): OperationMatch => {
    const parts = pathOnly(path).split('/');
    const wanted = method.toUpperCase();
    const allow: string[] = [];
    for (const route of bySegments.get(parts.length) ?? []) {
      const bound = bind(route, parts);
      if (!bound) continue;
      if (route.method === wanted) return found(route.op, bound);
      if (!allow.includes(route.method)) allow.push(route.method);
    }
    return allow.length > 0 ? { kind: 'method-not-allowed', allow } : { kind: 'not-found' };
  };

  return {
    match,
    find: (method, path) => {
      const m = match(method, path);
      return m.kind === 'found' ? m.op : undefined;
    },
  };
}
