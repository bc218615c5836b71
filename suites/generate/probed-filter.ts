// `arb.filter(keep)` that cannot hang: fast-check's filter draws until a value passes, forever when
// none ever does (a pattern with a `minLength` its generator never reaches, `minProperties` above
// what an object can hold). A fixed-seed probe at build time turns that into an error instead.
import * as fc from 'fast-check';
import { UnsatisfiableSchemaError } from './number-arbitrary.js';

const PROBES = 50;

/** Whether some of a fixed sample of `arb` passes `keep`. */
export function yieldsSome<T>(arb: fc.Arbitrary<T>, keep: (v: T) => boolean): boolean {
  return fc.sample(arb, { seed: 1, numRuns: PROBES }).some(keep);
}

/** `arb.filter(keep)`, or an UnsatisfiableSchemaError (saying `what`) when a probe finds no passing value. */
export function probedFilter<T>(arb: fc.Arbitrary<T>, keep: (v: T) => boolean, what: string): fc.Arbitrary<T> {
  if (!yieldsSome(arb, keep)) throw new UnsatisfiableSchemaError(`cannot generate ${what}`);
  return arb.filter(keep);
}
