import { describe, expect, it } from 'vitest';
import { clip, moreCharacters, moreChars, wholeLength } from './clip.js';

describe('clip', () => {
  it('keeps text within the limit as is', () => {
    expect(clip('abc', 3, wholeLength)).toBe('abc');
  });
  it('cuts longer text, adds an ellipsis and the note', () => {
    expect(clip('abcdef', 3)).toBe('abc…');
    expect(clip('abcdef', 3, wholeLength)).toBe('abc… (6 chars)');
    expect(clip('abcdef', 3, moreCharacters)).toBe('abc… [3 more characters]');
    expect(clip('abcdef', 2, moreChars)).toBe('ab… [4 more chars]');
  });
});
