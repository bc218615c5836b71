// Text from a target (or from a spec someone else wrote) that goes into a shell script is data, never
// code: words are single-quoted, comments are one line with every control character escaped, and a
// value is used bare only when it is made of characters no shell gives a meaning to.

/**
 * Single-quotes a shell word (a `'` becomes `'\''`): nothing inside is expanded, newlines included.
 * A NUL cannot be in a shell word or an argument at all: it is dropped (bash would drop it too).
 */
export function shellQuote(s: string): string {
  return `'${s.replace(/\u0000/g, '').replace(/'/g, `'\\''`)}'`;
}

/** Characters with no meaning to a shell, in or out of quotes: ids made of these may stand bare. */
const PLAIN_WORD = /^[A-Za-z0-9._:@%+=,/-]+$/;

export function isPlainWord(s: string): boolean {
  return PLAIN_WORD.test(s);
}

/** The word as is when it is plain, single-quoted otherwise. */
export function shellWord(s: string): string {
  return isPlainWord(s) ? s : shellQuote(s);
}

/**
 * Text for a `# ...` comment: one line, whatever it holds. Line breaks and every other control
 * character (NUL, ESC, C1, bidi overrides, line and paragraph separators) are written as `\uXXXX`,
 * and the backslash itself as `\\`, so the comment shows the value exactly and ends where it should.
 */
export function shellComment(s: string): string {
  return s.replace(/[\\\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) =>
    c === '\\' ? '\\\\' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `$NAME` for a variable name the shell reads as one; a name that is not one is never written. */
export function envReference(name: string | undefined, fallback: string): string {
  return `$${name !== undefined && ENV_NAME.test(name) ? name : fallback}`;
}
