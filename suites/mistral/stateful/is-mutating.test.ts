import { describe, expect, it } from 'vitest';
import { isMutating } from './is-mutating.js';

describe('isMutating', () => {
  it.each([
    ['POST', true],
    ['put', true],
    ['PATCH', true],
    ['DELETE', true],
    ['GET', false],
    ['HEAD', false],
    ['OPTIONS', false],
  ])('%s → %s', (method, expected) => {
    expect(isMutating({ method })).toBe(expected);
  });
});
