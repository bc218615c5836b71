import { describe, expect, it } from 'vitest';
import { fnv1a32, mulberry32 } from './stable-random.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('fnv1a32', () => {
  it('matches the published FNV-1a test vectors', () => {
    expect(fnv1a32(bytes(''))).toBe(0x811c9dc5);
    expect(fnv1a32(bytes('a'))).toBe(0xe40c292c);
    expect(fnv1a32(bytes('foobar'))).toBe(0xbf9cf968);
  });
  it('hashes the units it is given: code points and UTF-8 bytes differ beyond ASCII', () => {
    const codePoints = (s: string) => Array.from(s, (c) => c.codePointAt(0)!);
    expect(fnv1a32(codePoints('abc'))).toBe(fnv1a32(bytes('abc')));
    expect(fnv1a32(codePoints('é'))).not.toBe(fnv1a32(bytes('é')));
  });
});

describe('mulberry32', () => {
  it('gives the same sequence for the same seed, in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 50 }, () => a());
    expect(xs).toEqual(Array.from({ length: 50 }, () => b()));
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    expect(mulberry32(8)()).not.toBe(xs[0]);
  });
  it('is pinned: the first value of seed 0 never changes (runs replay across versions)', () => {
    expect(mulberry32(0)()).toBe(0.26642920868471265);
  });
});
