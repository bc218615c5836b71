// Strings for a string schema: length bounds, `pattern` (through fc.stringMatching, so generated
// strings match by construction) and `format`. Short by default: requests stay cheap.
import * as fc from 'fast-check';
import { formatArbitrary, hasFormatArbitrary } from './format-arbitrary.js';
import { hasEmptyNegatedClass } from './empty-class.js';
import { probedFilter, yieldsSome } from './probed-filter.js';
import { compilePattern, type PatternMatcher } from '../openapi/safe-pattern.js';

export interface StringSchemaConstraints {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  /** Longest string made when the bounds allow more. */
  defaultMaxLength: number;
  /** URL- and header-safe characters only (path, query and header parameters). */
  safe?: boolean;
}

const printable = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
// Now and then a character beyond ASCII (2- and 4-byte UTF-8, a newline): encodings break there.
const textUnit = fc.oneof({ arbitrary: printable, weight: 12 }, { arbitrary: fc.constantFrom('é', 'ß', '日', '😀', '\n'), weight: 1 });
const safeUnit = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'.split(''));

const PATTERN_SIZES = ['xsmall', 'small', 'medium'] as const;

/** Length in code points, as JSON Schema counts it. */
export function codePointLength(s: string): number {
  return [...s].length;
}

function lengthOk(s: string, c: StringSchemaConstraints): boolean {
  const n = codePointLength(s);
  return n >= (c.minLength ?? 0) && n <= (c.maxLength ?? Infinity);
}

export function stringArbitrary(c: StringSchemaConstraints): fc.Arbitrary<string> {
  const minLength = c.minLength ?? 0;
  const maxLength = Math.min(c.maxLength ?? Infinity, Math.max(minLength, c.defaultMaxLength));
  if (c.pattern !== undefined) {
    let re: RegExp | undefined;
    let matcher: PatternMatcher | undefined;
    try {
      re = new RegExp(c.pattern, 'u');
      matcher = compilePattern(c.pattern);
    } catch {
      re = undefined;
    }
    if (re && matcher) {
      // fast-check builds matching strings from the pattern's syntax (no matching, nothing to
      // backtrack); the filter matches in linear time (a random string against `^(\w+\s?)*$` would not).
      const pattern = re;
      const safe = matcher;
      const keep = (s: string) => lengthOk(s, c) && safe.test(s);
      let sized: Array<fc.Arbitrary<string>>;
      try {
        if (hasEmptyNegatedClass(c.pattern)) throw new Error('a class no character belongs to: fast-check would loop for ever');
        // Short matches first; larger sizes only when a `minLength` needs longer repetitions.
        sized = PATTERN_SIZES.map((size) => fc.stringMatching(pattern, { size }));
      } catch {
        // A construct fc.stringMatching does not support (lookarounds, backreferences) or would hang on
        // (an empty class): random strings, which the filter then finds never match.
        sized = [fc.string({ unit: textUnit, minLength, maxLength })];
      }
      const arb = sized.find((a) => yieldsSome(a, keep)) ?? sized[0]!;
      return probedFilter(arb, keep, `a string of length ${minLength}..${c.maxLength ?? '∞'} matching ${c.pattern}`);
    }
  }
  if (c.format !== undefined && hasFormatArbitrary(c.format)) {
    const arb = formatArbitrary(c.format);
    return c.minLength !== undefined || c.maxLength !== undefined
      ? probedFilter(arb, (s) => lengthOk(s, c), `a ${c.format} string of length ${minLength}..${c.maxLength ?? '∞'}`)
      : arb;
  }
  return fc.string({ unit: c.safe ? safeUnit : textUnit, minLength, maxLength });
}
