// How users name operations in --include/--exclude: an operationId, a tag, `METHOD /path` as the spec
// writes the path, and each of these as a glob (`*` any run of characters, `/` included; `?` one
// character): `POST /v1/*`, `* /v1/files*`, `/v1/fine_tuning/*` (a path alone), `*completion*`.
// Methods match whatever their case.

export interface NamedOperation {
  id: string;
  method: string;
  path: string;
  tags: string[];
}

const hasWildcard = (p: string): boolean => /[*?]/.test(p);

/**
 * Whether `text` matches the glob `pattern` as a whole. The two-pointer wildcard match (back to the
 * last star on a mismatch): at most pattern × text steps, never the exponential backtracking a regular
 * expression of many `.*` shows on a text that does not match.
 */
export function globMatches(pattern: string, text: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const t = ignoreCase ? text.toLowerCase() : text;
  let pi = 0;
  let ti = 0;
  let star = -1;
  let mark = 0;
  while (ti < t.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === t[ti])) {
      pi++;
      ti++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = ti;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** A method as users type it (`post`, `POST`, `*`) against an operation's method. */
export function methodMatches(pattern: string, method: string): boolean {
  return globMatches(pattern.trim(), method, true);
}

export function operationMatches(op: NamedOperation, pattern: string): boolean {
  const p = pattern.trim();
  if (!p) return false;
  const space = p.indexOf(' ');
  if (space > 0) {
    const method = p.slice(0, space);
    const path = p.slice(space + 1).trim();
    return methodMatches(method, op.method) && globMatches(path, op.path);
  }
  if (p.startsWith('/')) return globMatches(p, op.path);
  if (!hasWildcard(p)) return p === op.id || op.tags.includes(p);
  return globMatches(p, op.id) || op.tags.some((t) => globMatches(p, t));
}

export function matchesAnyOperation(op: NamedOperation, patterns: readonly string[]): boolean {
  return patterns.some((p) => operationMatches(op, p));
}
