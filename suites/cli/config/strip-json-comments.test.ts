import { describe, expect, it } from 'vitest';
import { stripJsonComments } from './strip-json-comments.js';

describe('stripJsonComments', () => {
  it('removes line and block comments, keeping line breaks and columns', () => {
    const text = '// head\n{\n  "a": 1, // one\n  /* two\n  lines */ "b": 2\n}\n';
    const out = stripJsonComments(text);
    expect(JSON.parse(out)).toEqual({ a: 1, b: 2 });
    expect(out.split('\n')).toHaveLength(text.split('\n').length);
    expect(out.indexOf('"b"')).toBe(text.indexOf('"b"'));
  });

  it('leaves comment-like text inside strings alone, escaped quotes included', () => {
    const text = '{"url": "http://x//y", "s": "a \\" // not a comment", "c": "/* no */"}';
    expect(JSON.parse(stripJsonComments(text))).toEqual({ url: 'http://x//y', s: 'a " // not a comment', c: '/* no */' });
  });

  it('leaves an unclosed block comment for JSON.parse to report', () => {
    expect(() => JSON.parse(stripJsonComments('{"a": 1 /* open'))).toThrow();
    expect(stripJsonComments('{} // end without newline')).toBe('{}                       ');
  });
});
