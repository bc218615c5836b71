// Keeps credentials out of everything the transport records: exchange headers, URLs, bodies, stream
// events and error messages. A secret is also searched in the forms it takes on the wire when a server
// echoes it back: URL-encoded, JSON-escaped and base64 (at any byte alignment, so `user:key` in a Basic
// header is caught too).

export const REDACTED = '[REDACTED]';

/** Header names whose values are credentials whatever they contain. */
export const SENSITIVE_HEADERS: readonly string[] = ['authorization', 'x-api-key', 'api-key', 'cookie', 'set-cookie', 'proxy-authorization'];

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

/** Secrets shorter than this are not searched: replacing `ab` everywhere would garble reports. */
export const MIN_SECRET_LENGTH = 4;

export interface Redactor {
  /** True when there is nothing to search for (no secrets): callers can skip work. */
  readonly empty: boolean;
  text(text: string): string;
  /** True when the text holds a secret in any known form. */
  has(text: string): boolean;
  /** Deep copy of a JSON-like value with secrets removed from strings and keys (same value when clean). */
  value<T>(value: T): T;
  bytes(bytes: Uint8Array): Uint8Array;
  /** True when the bytes hold a secret in any known form (without decoding them). */
  hasBytes(bytes: Uint8Array): boolean;
  headers(headers: Record<string, string>, extraSensitive?: readonly string[]): Record<string, string>;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The base64 text that depends only on the secret's bytes, for each of the three alignments. */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const out: string[] = [];
  for (let k = 0; k < 3; k++) {
    const b64 = Buffer.concat([Buffer.alloc(k), bytes]).toString('base64');
    const start = Math.ceil((k * 8) / 6);
    const end = Math.floor(((k + bytes.length) * 8) / 6);
    const core = b64.slice(start, end);
    out.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return out;
}

export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret, encodeURIComponent(secret), encodeURIComponent(secret).replace(/%20/g, '+'), JSON.stringify(secret).slice(1, -1)]);
  for (const f of base64Forms(secret)) forms.add(f);
  // Longest first so a longer form is replaced whole before a shorter one could cut into it.
  return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

export function createRedactor(secrets: ReadonlyArray<string | undefined>): Redactor {
  const clean = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH))];
  const forms = [...new Set(clean.flatMap(secretForms))].sort((a, b) => b.length - a.length);
  const pattern = forms.length ? new RegExp(forms.map(escapeRegExp).join('|'), 'g') : undefined;
  const byteForms = forms.map((f) => Buffer.from(f, 'utf8'));

  const has = (text: string): boolean => {
    if (!pattern) return false;
    pattern.lastIndex = 0;
    return pattern.test(text);
  };
  const text = (t: string): string => (pattern && has(t) ? t.replace(pattern, REDACTED) : t);

  const value = <T>(v: T): T => {
    if (!pattern) return v;
    return deepRedact(v, text, has) as T;
  };

  const bytes = (b: Uint8Array): Uint8Array => {
    if (!byteForms.length) return b;
    let buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
    let changed = false;
    for (const form of byteForms) {
      let i = buf.indexOf(form);
      if (i < 0) continue;
      const parts: Buffer[] = [];
      let from = 0;
      while (i >= 0) {
        parts.push(buf.subarray(from, i), Buffer.from(REDACTED));
        from = i + form.length;
        i = buf.indexOf(form, from);
      }
      parts.push(buf.subarray(from));
      buf = Buffer.concat(parts);
      changed = true;
    }
    return changed ? new Uint8Array(buf) : b;
  };

  const hasBytes = (b: Uint8Array): boolean => {
    if (!byteForms.length) return false;
    const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
    return byteForms.some((form) => buf.includes(form));
  };

  const headers = (h: Record<string, string>, extraSensitive: readonly string[] = []): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [name, v] of Object.entries(h)) {
      const lower = name.toLowerCase();
      out[name] = SENSITIVE_HEADERS.includes(lower) || extraSensitive.some((e) => e.toLowerCase() === lower) ? redactCredential(v) : text(v);
    }
    return out;
  };

  return { empty: !pattern, text, has, value, bytes, hasBytes, headers };
}

/** Keeps the scheme word (`Bearer [REDACTED]`) so a report still shows how the request authenticated. */
function redactCredential(value: string): string {
  const m = /^([A-Za-z][\w-]*) +\S/.exec(value);
  return m ? `${m[1]} ${REDACTED}` : REDACTED;
}

function deepRedact(v: unknown, text: (s: string) => string, has: (s: string) => boolean): unknown {
  if (typeof v === 'string') return has(v) ? text(v) : v;
  if (Array.isArray(v)) return v.map((x) => deepRedact(x, text, has));
  if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[has(k) ? text(k) : k] = deepRedact(x, text, has);
    return out;
  }
  return v;
}

/** Replaces each secret (and its URL-encoded, JSON-escaped and base64 forms) with `[REDACTED]`. */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  return createRedactor(secrets).text(text);
}

/** Redacts credential headers by name, and any header whose value carries one of the secrets. */
export function redactHeaders(
  headers: Record<string, string>,
  secrets: ReadonlyArray<string | undefined> = [],
  extraSensitive: readonly string[] = [],
): Record<string, string> {
  return createRedactor(secrets).headers(headers, extraSensitive);
}
