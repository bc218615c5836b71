import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ajvRegExpEngine, compilePattern, isLinearForV8, toRe2Syntax } from './safe-pattern.js';

// Patterns both engines run, each with the characters that tell their semantics apart.
const PATTERNS = [
  '^[a-z]([a-z0-9_-]*[a-z0-9])?$',
  '^[a-zA-Z0-9_-]{1,64}$',
  '^\\w{2}$',
  '^[^,\\s]+$',
  '\\s',
  '^\\S+$',
  '^.+$',
  'a.c',
  '^(?<year>\\d{4})-(?:0[1-9]|1[0-2])$',
  '^\\u00e9+$',
  '^\\uD83D\\uDE00$',
  '^\\u{1F600}?x$',
  '^(ab|cd)*$',
  '\\bfoo\\b',
  '^[\\s\\d]{2,}$',
  '^\\p{L}+$',
  '^\\/v1\\/[a-z]+$',
  '^\\t\\n$',
];
const UNITS = [
  'a',
  'b',
  'c',
  'd',
  'z',
  'A',
  '0',
  '9',
  '_',
  '-',
  ',',
  '/',
  ' ',
  '\t',
  '\n',
  '\r',
  '\v',
  '\u00a0',
  '\u2028',
  '\ufeff',
  'é',
  '😀',
  'x',
  'f',
  'o',
  'v',
  '1',
];

describe('compilePattern', () => {
  it('matches as ECMAScript does, whichever engine runs it', () => {
    for (const p of PATTERNS) {
      const native = new RegExp(p, 'u');
      const safe = compilePattern(p);
      expect(safe.engine, p).not.toBe('skipped');
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...UNITS), { maxLength: 12 }), (units) => {
          const s = units.join('');
          expect(safe.test(s), `${p} on ${JSON.stringify(s)}`).toBe(native.test(s));
        }),
        { seed: 15, numRuns: 300 },
      );
    }
  });

  it('runs a catastrophic pattern in linear time: ^(a+)+$ against a hostile value answers at once', () => {
    const m = compilePattern('^(a+)+$');
    expect(m.engine).toBe('re2');
    expect(m.test(`${'a'.repeat(33)}!`)).toBe(false);
    expect(m.test(`${'a'.repeat(100_000)}!`)).toBe(false);
    expect(m.test('aaaa')).toBe(true);
    expect(compilePattern('^(\\w+\\s?)*$').test(`${'word '.repeat(5000)}!`)).toBe(false);
  });

  it('keeps V8 for the anchored shapes it runs in linear time only', () => {
    for (const p of ['^[a-zA-Z0-9_-]{1,64}$', '^\\w{2}$', '^[^,\\s]+$', '^abc\\d*x{3}$', '^.{0,5000}$', '^\\.[a-z]{3}$'])
      expect(isLinearForV8(p), p).toBe(true);
    for (const p of ['^(a+)+$', '\\d+x', '^\\d+\\d+$', '^a*b*$', '^(ab)$', '^a|b$', '^a+?b+$']) expect(isLinearForV8(p), p).toBe(false);
    expect(compilePattern('^[a-zA-Z0-9_-]{1,64}$').engine).toBe('v8-linear');
  });

  it('leaves unchecked, and says why, what no linear-time matcher runs', () => {
    for (const p of ['^(?=.*\\d)\\w+$', '(a)\\1', '(?<x>a)\\k<x>', '(?<!a)b', '^(a{1000}){1000}$']) {
      const m = compilePattern(p);
      expect(m.engine, p).toBe('skipped');
      expect(m.skipped, p).toMatch(/^no linear-time matcher runs it \(.+\), so it is not checked$/);
      expect(m.test('anything')).toBe(true);
    }
  });

  it('answers the same for a value it has seen (memoised) as for a new one', () => {
    const m = compilePattern('^[a-z]([a-z0-9_-]*[a-z0-9])?$');
    for (let round = 0; round < 3; round++)
      for (const [v, ok] of [
        ['my-model', true],
        ['-bad', false],
        ['a', true],
        ['x'.repeat(300), true],
        [`${'x'.repeat(300)}-`, false],
      ] as const)
        expect(m.test(v), v).toBe(ok);
  });

  it('refuses what is not an ECMAScript pattern, as RegExp does', () => {
    expect(() => compilePattern('a{')).toThrow(SyntaxError);
    expect(() => compilePattern('(')).toThrow(SyntaxError);
  });

  it('translates JavaScript syntax and semantics to RE2', () => {
    expect(toRe2Syntax('(?<n>a)\\u00e9.')).toBe('(?P<n>a)\\x{E9}[^\\n\\r\\x{2028}\\x{2029}]');
    expect(toRe2Syntax('[.]\\/')).toBe('[.]/');
  });

  it('gives Ajv one engine object per pattern with a distinct key', () => {
    const a = ajvRegExpEngine('^a$');
    const b = ajvRegExpEngine('^b$');
    expect(a.toString()).not.toBe(b.toString());
    expect(a.test('a')).toBe(true);
    expect(b.test('a')).toBe(false);
  });
});
