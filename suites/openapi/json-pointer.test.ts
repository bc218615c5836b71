import { describe, expect, it } from 'vitest';
import { getAtPointer, joinPointer, pointerToFragment, splitPointer } from './json-pointer.js';

describe('JSON pointers', () => {
  it('escapes and splits tokens (RFC 6901)', () => {
    const p = joinPointer('', 'paths', '/v1/{id}', 'get~x');
    expect(p).toBe('/paths/~1v1~1{id}/get~0x');
    expect(splitPointer(p)).toEqual(['paths', '/v1/{id}', 'get~x']);
    expect(splitPointer(`#${p}`)).toEqual(['paths', '/v1/{id}', 'get~x']);
  });
  it('reads through objects and arrays', () => {
    expect(getAtPointer({ a: [{ 'b/c': 1 }] }, '/a/0/b~1c')).toBe(1);
    expect(getAtPointer({ a: 1 }, '/a/b')).toBeUndefined();
  });
  it('turns a pointer into a URI fragment with each token percent-encoded', () => {
    expect(pointerToFragment('/paths/~1v1~1{id}/get')).toBe('#/paths/~1v1~1%7Bid%7D/get');
    expect(getAtPointer({ 'a b': 2 }, pointerToFragment('/a b'))).toBe(2);
  });
});
