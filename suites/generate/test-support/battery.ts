// The shared battery every arbitrary goes through in tests: all values valid, the same seed gives the
// same values, and different seeds give some variety. Not a test file itself (imported by tests).
import * as fc from 'fast-check';
import { expect } from 'vitest';

export interface BatteryOptions {
  numRuns?: number;
  /** Expect at least this many distinct values over the runs (1 for constants). */
  minDistinct?: number;
}

export function runBattery<T>(arb: fc.Arbitrary<T>, isValid: (v: T) => boolean | string, options: BatteryOptions = {}): T[] {
  const numRuns = options.numRuns ?? 60;
  const values = fc.sample(arb, { seed: 20240611, numRuns });
  for (const v of values) {
    const verdict = isValid(v);
    expect(verdict === true ? true : { value: v, verdict }).toBe(true);
  }
  expect(fc.sample(arb, { seed: 20240611, numRuns })).toEqual(values);
  const distinct = new Set(values.map((v) => JSON.stringify(v, (_k, x: unknown) => (x instanceof Uint8Array ? [...x] : x)))).size;
  expect(distinct).toBeGreaterThanOrEqual(options.minDistinct ?? Math.min(2, numRuns));
  return values;
}
