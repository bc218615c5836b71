// Numbers for an integer or number schema: inclusive and exclusive bounds, multipleOf, int32 ranges.
// Unbounded sides stay within a small window so values look like what clients send.
import * as fc from 'fast-check';

export interface NumberSchemaConstraints {
  integer: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  format?: string;
}

const WINDOW = 1000;

export class UnsatisfiableSchemaError extends Error {
  override name = 'UnsatisfiableSchemaError';
}

/** The closed interval of allowed values (for integers: integer bounds), windowed when unbounded. */
export function numberRange(c: NumberSchemaConstraints): { lo: number; hi: number; loExcluded: boolean; hiExcluded: boolean } {
  let lo = c.minimum ?? -Infinity;
  let hi = c.maximum ?? Infinity;
  let loExcluded = false;
  let hiExcluded = false;
  if (c.exclusiveMinimum !== undefined && c.exclusiveMinimum >= lo) [lo, loExcluded] = [c.exclusiveMinimum, true];
  if (c.exclusiveMaximum !== undefined && c.exclusiveMaximum <= hi) [hi, hiExcluded] = [c.exclusiveMaximum, true];
  if (c.format === 'int32') [lo, hi] = [Math.max(lo, -2147483648), Math.min(hi, 2147483647)];
  if (c.integer) {
    lo = loExcluded ? Math.floor(lo) + 1 : Math.ceil(lo);
    hi = hiExcluded ? Math.ceil(hi) - 1 : Math.floor(hi);
    loExcluded = hiExcluded = false;
  }
  if (lo === -Infinity && hi === Infinity) [lo, hi] = [-WINDOW, WINDOW];
  else if (lo === -Infinity) lo = hi - WINDOW;
  else if (hi === Infinity) hi = lo + WINDOW;
  if (lo > hi || (lo === hi && (loExcluded || hiExcluded))) throw new UnsatisfiableSchemaError(`no number satisfies ${JSON.stringify(c)}`);
  return { lo, hi, loExcluded, hiExcluded };
}

/** Ajv's own multipleOf test (no precision option): `value % m === 0`. */
export function isMultipleOf(value: number, m: number): boolean {
  return value % m === 0;
}

export function numberArbitrary(c: NumberSchemaConstraints): fc.Arbitrary<number> {
  const { lo, hi, loExcluded, hiExcluded } = numberRange(c);
  const inRange = (v: number) => (loExcluded ? v > lo : v >= lo) && (hiExcluded ? v < hi : v <= hi);
  if (c.multipleOf !== undefined && c.multipleOf > 0) {
    const m = c.multipleOf;
    const kLo = Math.ceil(lo / m);
    const kHi = Math.floor(hi / m);
    if (kLo > kHi) throw new UnsatisfiableSchemaError(`no multiple of ${m} in [${lo}, ${hi}]`);
    return fc
      .integer({ min: kLo, max: Math.min(kHi, kLo + 10 * WINDOW) })
      .map((k) => Number((k * m).toPrecision(15)))
      .filter((v) => inRange(v) && isMultipleOf(v, m) && (!c.integer || Number.isInteger(v)));
  }
  if (c.integer) return fc.integer({ min: Math.max(lo, Number.MIN_SAFE_INTEGER), max: Math.min(hi, Number.MAX_SAFE_INTEGER) });
  // Mostly "nice" decimals (what clients send), sometimes any double in range.
  const nice = fc
    .integer({ min: Math.ceil(lo * 100), max: Math.floor(hi * 100) })
    .map((k) => k / 100)
    .filter(inRange);
  const any = fc
    .double({ min: lo, max: hi, minExcluded: loExcluded, maxExcluded: hiExcluded, noNaN: true, noDefaultInfinity: true })
    .map((v) => (Object.is(v, -0) ? 0 : v));
  return Math.ceil(lo * 100) <= Math.floor(hi * 100) ? fc.oneof({ arbitrary: nice, weight: 3 }, { arbitrary: any, weight: 1 }) : any;
}
