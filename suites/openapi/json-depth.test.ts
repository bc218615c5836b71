import { describe, expect, it } from 'vitest';
import { JsonTooDeepError, jsonTextDeeperThan, parseJsonBounded, valueDeeperThan } from './json-depth.js';

const nested = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;

describe('JSON depth', () => {
  it('counts brackets outside strings only, escapes included', () => {
    expect(jsonTextDeeperThan(nested(3), 3)).toBe(false);
    expect(jsonTextDeeperThan(nested(4), 3)).toBe(true);
    expect(jsonTextDeeperThan(`{"a": "[[[[[[", "b": [1]}`, 2)).toBe(false);
    expect(jsonTextDeeperThan(`{"a": "\\"[[[[[[\\\\", "b": [[1]]}`, 2)).toBe(true);
    expect(jsonTextDeeperThan(`{"a": "\\"[[[[[[\\\\", "b": [1]}`, 2)).toBe(false);
    expect(jsonTextDeeperThan('[1], [2], [3]', 1)).toBe(false);
  });

  it('measures parsed values without recursion, a cycle counting as too deep', () => {
    expect(valueDeeperThan(JSON.parse(nested(3000)), 512)).toBe(true);
    expect(valueDeeperThan({ a: [{ b: 1 }], c: 'x' }, 3)).toBe(false);
    expect(valueDeeperThan({ a: [{ b: {} }] }, 3)).toBe(true);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(valueDeeperThan(cycle, 50)).toBe(true);
    expect(valueDeeperThan('text', 0)).toBe(false);
  });

  it('parses what is shallow enough and refuses the rest in one line', () => {
    expect(parseJsonBounded('{"a": [1, {"b": null}]}')).toEqual({ a: [1, { b: null }] });
    expect(() => parseJsonBounded(nested(3000))).toThrow(new JsonTooDeepError('nested deeper than 512 levels: not parsed'));
    expect(() => parseJsonBounded('{"a": ')).toThrow(SyntaxError);
  });
});
