import { describe, expect, it } from 'vitest';
import { hasEmptyNegatedClass, negatedClasses } from './empty-class.js';
import { stringArbitrary } from './string-arbitrary.js';

describe('empty negated classes', () => {
  it('are found among the classes of a pattern', () => {
    expect(negatedClasses('^[a-z][^,\\]]+\\[^x[^\\s\\S]$')).toEqual(['[^,\\]]', '[^\\s\\S]']);
    expect(hasEmptyNegatedClass('^x[^\\s\\S]$')).toBe(true);
    expect(hasEmptyNegatedClass('[^\\d\\D]')).toBe(true);
    expect(hasEmptyNegatedClass('^[^,\\s]+$')).toBe(false);
    expect(hasEmptyNegatedClass('^[^\\u0000-\\uFFFF]$')).toBe(false);
    expect(hasEmptyNegatedClass('^[a-z]+$')).toBe(false);
  });

  it('make generation an error instead of a hang', () => {
    expect(() => stringArbitrary({ pattern: '^x[^\\s\\S]$', defaultMaxLength: 8 })).toThrow(/cannot generate/);
  });
});
