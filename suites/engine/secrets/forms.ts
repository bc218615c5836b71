// The forms a secret takes when a server echoes it back, as one regular expression per secret. A key is
// found raw, and with any of its characters written as a JSON escape (`\u002d`, `\/`), a URL escape
// (`%2D`, `+` for a space) or an HTML character reference (`&#45;`, `&#x2d;`), mixed freely; as hex of
// its bytes (either case); and as base64 or base64url at each of the three byte alignments (so
// `user:key` in a Basic header is found too), with `/` possibly JSON-escaped and `+`, `/` URL-escaped.

/** Secrets shorter than this are not searched: replacing `ab` everywhere would garble reports. */
export const MIN_SECRET_LENGTH = 4;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A hex digit in either case: `[dD]`. */
function hexDigit(d: string): string {
  const lower = d.toLowerCase();
  const upper = d.toUpperCase();
  return lower === upper ? lower : `[${lower}${upper}]`;
}

function hexOf(n: number, width: number): string {
  return n.toString(16).padStart(width, '0').split('').map(hexDigit).join('');
}

/** How one character may be written: itself, or escaped for JSON, a URL or HTML. */
function charForms(ch: string, raw: (s: string) => string): string {
  const code = ch.codePointAt(0)!;
  const alts = [raw(ch)];
  const utf8 = [...Buffer.from(ch, 'utf8')];
  alts.push(utf8.map((b) => `%${hexOf(b, 2)}`).join(''));
  if (code <= 0xffff) alts.push(`\\\\u${hexOf(code, 4)}`);
  else {
    // A character outside the BMP is a surrogate pair in a JSON escape.
    const hi = 0xd800 + ((code - 0x10000) >> 10);
    const lo = 0xdc00 + ((code - 0x10000) & 0x3ff);
    alts.push(`\\\\u${hexOf(hi, 4)}\\\\u${hexOf(lo, 4)}`);
  }
  alts.push(`&#0{0,4}${code};?`, `&#[xX]0{0,4}${hexOf(code, 1)};?`);
  if (ch === '/') alts.push('\\\\/');
  if (ch === ' ') alts.push('\\+');
  return `(?:${alts.join('|')})`;
}

/** The text of a secret with each character in any of its escaped forms. */
function escapedText(secret: string, raw: (s: string) => string): string {
  return [...secret].map((ch) => charForms(ch, raw)).join('');
}

/** Base64 text that depends only on the secret's bytes, for each of the three alignments. */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const out = new Set<string>();
  for (let k = 0; k < 3; k++) {
    const b64 = Buffer.concat([Buffer.alloc(k), bytes]).toString('base64');
    const core = b64.slice(Math.ceil((k * 8) / 6), Math.floor(((k + bytes.length) * 8) / 6));
    out.add(core);
    out.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...out].filter((c) => c.length >= MIN_SECRET_LENGTH);
}

/** Base64 as a JSON string or a URL may carry it: `/` as `\/` or `%2F`, `+` as `%2B`. */
function base64Pattern(core: string): string {
  return [...core].map((c) => (c === '/' ? `(?:/|\\\\/|%2[fF])` : c === '+' ? `(?:\\+|%2[bB])` : escapeRegExp(c))).join('');
}

function hexPattern(secret: string): string {
  return [...Buffer.from(secret, 'utf8')].map((b) => hexOf(b, 2)).join('');
}

/**
 * The regular expression source matching any form of the secret. `raw` writes a literal character as
 * the searched text holds it: itself for decoded text, its UTF-8 bytes as latin1 for raw bytes.
 * Longest forms first: at one position the alternation takes the first that matches.
 */
export function secretPattern(secret: string, raw: (s: string) => string = escapeRegExp): string {
  return [hexPattern(secret), escapedText(secret, raw), ...base64Cores(secret).map(base64Pattern)].join('|');
}

/** A literal character as raw bytes read as latin1 show it (the same for ASCII). */
export function latin1Literal(ch: string): string {
  return escapeRegExp(Buffer.from(ch, 'utf8').toString('latin1'));
}

/** Plain forms of a secret, for tests and for searching written output: raw, hex, base64, URL and JSON escapes. */
export function plainForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const unicodeEscaped = [...secret].map((c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`).join('');
  return [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      bytes.toString('hex'),
      bytes.toString('hex').toUpperCase(),
      bytes.toString('base64').replace(/=+$/, ''),
      bytes.toString('base64url'),
      unicodeEscaped,
    ]),
  ];
}
