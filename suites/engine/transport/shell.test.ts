import { describe, expect, it } from 'vitest';
import { envReference, isPlainWord, shellComment, shellQuote, shellWord } from './shell.js';

describe('shell text from untrusted values', () => {
  it('quotes words so nothing inside is expanded, and drops the NUL no argument can carry', () => {
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
    expect(shellQuote('$(x)\n`y`')).toBe("'$(x)\n`y`'");
    expect(shellQuote('a\u0000b')).toBe("'ab'");
  });

  it('keeps a comment on one line whatever the value holds', () => {
    expect(shellComment('f00\ntouch pwned\n#')).toBe('f00\\u000atouch pwned\\u000a#');
    expect(shellComment('a\\b\r\u0000\u001b\u2028\u202e')).toBe('a\\\\b\\u000d\\u0000\\u001b\\u2028\\u202e');
    expect(shellComment('file-abc_123')).toBe('file-abc_123');
  });

  it('uses a value bare only when no character has a meaning to the shell', () => {
    expect(isPlainWord('ft:open-mistral-7b:abc:20240101:1a2b')).toBe(true);
    expect(isPlainWord('3f2a-b9')).toBe(true);
    for (const v of ['', 'a b', 'a;b', '$x', '`x`', "a'", 'a"', 'a\\', 'a\nb', '~x', '*', 'a|b', 'a&b', 'a>b', '(a)']) expect(isPlainWord(v), v).toBe(false);
    expect(shellWord('ok-1')).toBe('ok-1');
    expect(shellWord('not ok')).toBe("'not ok'");
  });

  it('writes a variable reference only for a real variable name', () => {
    expect(envReference('MY_KEY', 'FALLBACK')).toBe('$MY_KEY');
    expect(envReference('X; rm -rf /', 'FALLBACK')).toBe('$FALLBACK');
    expect(envReference(undefined, 'FALLBACK')).toBe('$FALLBACK');
  });
});
