// Keeps credentials out of everything the tool records: exchange headers (names and values), URLs,
// bodies, stream events, error messages and reports. Every form of every secret (see forms.ts) is
// searched in one pass of one regular expression.
import { latin1Literal, MIN_SECRET_LENGTH, secretPattern } from './forms.js';

export { MIN_SECRET_LENGTH };

export const REDACTED = '[REDACTED]';

/** Header names whose values are credentials whatever they contain. */
export const SENSITIVE_HEADERS: readonly string[] = ['authorization', 'x-api-key', 'api-key', 'cookie', 'set-cookie', 'proxy-authorization'];

/** Characters one character of a secret takes at most in any form (`&#x0000` + 6 digits, two `\u` escapes). */
const MAX_CHARS_PER_CHAR = 16;

/** Credentials carried by headers (by name): each value, and the part after a scheme word (`Bearer x`). */
export function headerSecrets(headers: Record<string, string>, extraSensitive: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(headers)) {
    const lower = k.toLowerCase();
    if (!SENSITIVE_HEADERS.includes(lower) && !extraSensitive.some((e) => e.toLowerCase() === lower)) continue;
    out.push(v);
    const m = /^[A-Za-z][\w-]* +(\S.*)$/.exec(v);
    if (m) out.push(m[1]!);
  }
  return out;
}

/** Incremental search over text that arrives in pieces: a form split between two pieces is found. */
export interface SecretScanner {
  /** Feeds the next piece; true once a secret was seen (searched in batches: may say so only later). */
  push(piece: string): boolean;
  /** Whether any secret was in everything pushed so far (searches what is still unsearched). */
  readonly found: boolean;
}

export interface Redactor {
  /** True when there is nothing to search for (no secrets): callers can skip work. */
  readonly empty: boolean;
  /** The secrets searched (their raw values). */
  readonly secrets: readonly string[];
  /** The longest text any form of any secret takes: what a scanner keeps between pieces. */
  readonly maxFormLength: number;
  text(text: string): string;
  /** True when the text holds a secret in any known form. */
  has(text: string): boolean;
  /** Where the text holds a secret: [start, end) of each match. */
  ranges(text: string): Array<[number, number]>;
  /** Deep copy of a JSON-like value with secrets removed from strings and keys (same value when clean). */
  value<T>(value: T): T;
  bytes(bytes: Uint8Array): Uint8Array;
  /** True when the bytes hold a secret in any known form (searched as latin1, without decoding UTF-8). */
  hasBytes(bytes: Uint8Array): boolean;
  /** Credential headers blanked by name; names and values holding a secret redacted. */
  headers(headers: Record<string, string>, extraSensitive?: readonly string[]): Record<string, string>;
  /** Where headers carry a secret: `header:NAME` for a value, `header name` for a name. */
  reflectedInHeaders(headers: Record<string, string>): string[];
  scanner(): SecretScanner;
}

function build(secrets: readonly string[], raw?: (s: string) => string): RegExp | undefined {
  if (!secrets.length) return undefined;
  // Longer secrets first, so a secret that contains another is replaced whole.
  const sorted = [...secrets].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map((s) => secretPattern(s, raw)).join('|'), 'g');
}

export function createRedactor(secrets: ReadonlyArray<string | undefined>): Redactor {
  const clean = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH))];
  const pattern = build(clean);
  const bytePattern = build(clean, latin1Literal);
  // Header names reach us lower-cased (HTTP names are case-insensitive): searched without case.
  const namePattern = pattern ? new RegExp(pattern.source, 'gi') : undefined;
  const hasName = (name: string): boolean => {
    if (!namePattern) return false;
    namePattern.lastIndex = 0;
    return namePattern.test(name);
  };
  const maxFormLength = Math.max(0, ...clean.map((s) => MAX_CHARS_PER_CHAR * [...s].length));

  const has = (t: string): boolean => {
    if (!pattern) return false;
    pattern.lastIndex = 0;
    return pattern.test(t);
  };
  const text = (t: string): string => (pattern && has(t) ? t.replace(pattern, REDACTED) : t);
  const ranges = (t: string): Array<[number, number]> => {
    if (!pattern || !has(t)) return [];
    // matchAll starts where the last search left lastIndex.
    pattern.lastIndex = 0;
    return [...t.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
  };

  const hasBytes = (b: Uint8Array): boolean => {
    if (!bytePattern) return false;
    bytePattern.lastIndex = 0;
    return bytePattern.test(Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1'));
  };
  const bytes = (b: Uint8Array): Uint8Array => {
    if (!bytePattern || !hasBytes(b)) return b;
    const latin1 = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
    return new Uint8Array(Buffer.from(latin1.replace(bytePattern, REDACTED), 'latin1'));
  };

  const headers = (h: Record<string, string>, extraSensitive: readonly string[] = []): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [name, v] of Object.entries(h)) {
      const lower = name.toLowerCase();
      const sensitive = SENSITIVE_HEADERS.includes(lower) || extraSensitive.some((e) => e.toLowerCase() === lower);
      out[hasName(name) ? name.replace(namePattern!, REDACTED) : name] = sensitive ? redactCredential(v) : text(v);
    }
    return out;
  };

  const reflectedInHeaders = (h: Record<string, string>): string[] => {
    const out: string[] = [];
    for (const [name, v] of Object.entries(h)) {
      if (hasName(name)) out.push('header name');
      else if (has(v)) out.push(`header:${name}`);
    }
    return out;
  };

  const scanner = (): SecretScanner => {
    // Searched in windows of twice the longest form, keeping the tail a form could start in: each
    // character is searched about twice, however small the pieces (a stream's events).
    let buffer = '';
    let found = false;
    const keep = Math.max(0, maxFormLength - 1);
    const scan = (): void => {
      found = has(buffer);
      buffer = found ? '' : buffer.slice(buffer.length - keep);
    };
    return {
      push(piece) {
        if (found || !pattern) return found;
        buffer += piece;
        if (buffer.length >= 2 * maxFormLength) scan();
        return found;
      },
      get found() {
        if (!found && buffer.length) scan();
        return found;
      },
    };
  };

  return {
    empty: !pattern,
    secrets: clean,
    maxFormLength,
    text,
    has,
    ranges,
    value: <T>(v: T): T => (pattern ? (deepRedact(v, text, has) as T) : v),
    bytes,
    hasBytes,
    headers,
    reflectedInHeaders,
    scanner,
  };
}

/** Keeps the scheme word (`Bearer [REDACTED]`) so a report still shows how the request authenticated. */
function redactCredential(value: string): string {
  const m = /^([A-Za-z][\w-]*) +\S/.exec(value);
  return m ? `${m[1]} ${REDACTED}` : REDACTED;
}

function deepRedact(v: unknown, text: (s: string) => string, has: (s: string) => boolean, depth = 0): unknown {
  if (typeof v === 'string') return has(v) ? text(v) : v;
  // Values nested this deep were refused by the JSON readers already; a hand-built one is dropped.
  if (depth > 1100) return undefined;
  if (Array.isArray(v)) return v.map((x) => deepRedact(x, text, has, depth + 1));
  if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[has(k) ? text(k) : k] = deepRedact(x, text, has, depth + 1);
    return out;
  }
  return v;
}

/** Replaces each secret (in any of its forms) with `[REDACTED]`. */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  return createRedactor(secrets).text(text);
}

/** Redacts credential headers by name, and any header whose name or value carries one of the secrets. */
export function redactHeaders(
  headers: Record<string, string>,
  secrets: ReadonlyArray<string | undefined> = [],
  extraSensitive: readonly string[] = [],
): Record<string, string> {
  return createRedactor(secrets).headers(headers, extraSensitive);
}
