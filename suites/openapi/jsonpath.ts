// JSONPath (RFC 9535) for overlay targets, on jsonpath-rfc9535 (it passes the JSONPath Compliance Test
// Suite): names, indexes, wildcards, unions, slices, descendants, filters with comparisons, `&&`, `||`,
// `!` and the standard functions. Callers get the *locations* of the selected nodes, because an
// overlay removes or replaces what it selects.
import { exec, type JsonValue } from 'jsonpath-rfc9535';

export type PathSegment = string | number;

export class JsonPathError extends Error {
  override name = 'JsonPathError';
}

// The library hands member names escaped as in a normalized path (RFC 9535 §2.7: `'`, `\` and
// control characters); this is the exact inverse, so the keys index the document again.
const ESCAPED = /\\(u[0-9a-f]{4}|[bfnrt'\\])/g;
const UNESCAPE: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', "'": "'", '\\': '\\' };

function rawKey(key: PathSegment): PathSegment {
  if (typeof key === 'number' || !key.includes('\\')) return key;
  return key.replace(ESCAPED, (_m, e: string) => (e.length === 5 ? String.fromCharCode(Number.parseInt(e.slice(1), 16)) : UNESCAPE[e]!));
}

/** Where the parser stopped, in one printable line (the expression may come from a user's overlay). */
function reasonOf(err: unknown): string {
  if (err instanceof Error && 'location' in err && 'found' in err) {
    const column = (err.location as { start?: { column?: unknown } } | undefined)?.start?.column;
    const found = err.found === null ? 'end of input' : JSON.stringify(err.found);
    if (typeof column === 'number') return `unexpected ${found} at character ${column}`;
  }
  const message = err instanceof Error ? err.message : String(err);
  return JSON.stringify(message.split('\n')[0]).slice(1, -1);
}

/**
 * The locations (member names and array indexes from the root) of the nodes `expr` selects in `doc`,
 * in the order RFC 9535 gives them, each once (a union may name a node twice: `$.tags[0,0]`).
 */
export function selectPaths(doc: unknown, expr: string): PathSegment[][] {
  const out = new Map<string, PathSegment[]>();
  try {
    // The document is parsed JSON/YAML: a JsonValue, whatever its static type here.
    exec(doc as JsonValue, expr, (_value, path) => {
      const raw = path.map(rawKey);
      out.set(JSON.stringify(raw), raw);
    });
  } catch (err) {
    throw new JsonPathError(`${JSON.stringify(expr)} is not an RFC 9535 JSONPath query: ${reasonOf(err)}`);
  }
  return [...out.values()];
}
