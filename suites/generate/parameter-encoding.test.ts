import { describe, expect, it } from 'vitest';
import { encodeHeaderParameter, encodePathParameter, encodeQueryParameter } from './parameter-encoding.js';

const q = (style?: string, explode?: boolean) => ({
  name: 'p',
  in: 'query' as const,
  ...(style ? { style } : {}),
  ...(explode === undefined ? {} : { explode }),
});

describe('parameter encoding', () => {
  it.each([
    ['scalar', q(), 3, [['p', '3']]],
    ['null is omitted', q(), null, []],
    [
      'array, form explode (default): repeated keys',
      q(),
      ['a', 'b'],
      [
        ['p', 'a'],
        ['p', 'b'],
      ],
    ],
    ['array, form no explode: comma list', q('form', false), ['a', 'b'], [['p', 'a,b']]],
    ['array, pipeDelimited', q('pipeDelimited', false), ['a', 'b'], [['p', 'a|b']]],
    ['array, spaceDelimited', q('spaceDelimited', false), ['a', 'b'], [['p', 'a b']]],
    [
      'object, form explode: one key per property',
      q(),
      { x: 1, y: 'z' },
      [
        ['x', '1'],
        ['y', 'z'],
      ],
    ],
    ['object, form no explode', q('form', false), { x: 1, y: 'z' }, [['p', 'x,1,y,z']]],
    ['object, deepObject', q('deepObject', true), { x: 1 }, [['p[x]', '1']]],
    ['boolean', q(), false, [['p', 'false']]],
  ])('query: %s', (_n, p, value, expected) => {
    expect(encodeQueryParameter(p, value)).toEqual(expected);
  });

  it('path: simple style, percent-encoded; label and matrix', () => {
    expect(encodePathParameter({ name: 'id', in: 'path' }, 'a/b c')).toBe('a%2Fb%20c');
    expect(encodePathParameter({ name: 'id', in: 'path' }, ['a', 'b'])).toBe('a,b');
    expect(encodePathParameter({ name: 'id', in: 'path', style: 'label' }, 'x')).toBe('.x');
    expect(encodePathParameter({ name: 'id', in: 'path', style: 'matrix' }, 'x')).toBe(';id=x');
  });

  it('header: simple style', () => {
    expect(encodeHeaderParameter(['a', 'b'])).toBe('a,b');
    expect(encodeHeaderParameter(5)).toBe('5');
  });
});
