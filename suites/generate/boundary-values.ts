// The values at, just inside and just outside each numeric bound and length bound of a schema: the
// coverage phase sends the inside ones, the negative phase the outside ones.
import type { Schema } from './resolve-schema.js';
import { schemaTypes } from './resolve-schema.js';

export interface BoundaryValue {
  /** The constraint keyword the value is about: `minimum`, `maxLength`, ... */
  constraint: string;
  bound: number;
  /** For lengths: the length; for numbers: the value. */
  value: number;
  inside: boolean;
  kind: 'number' | 'string-length' | 'array-length';
}

/** How far "just inside/outside" is: 1 for integers, a hundredth (or a tenth of a narrow range) for numbers. */
export function boundaryDelta(s: Schema, integer: boolean): number {
  if (integer) return 1;
  const lo = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : undefined;
  const hi = typeof s.maximum === 'number' ? s.maximum : typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : undefined;
  const range = lo !== undefined && hi !== undefined ? hi - lo : Infinity;
  return Math.min(0.01, range / 10);
}

const round = (v: number) => Number(v.toPrecision(12));

/** The keyword a number breaks, or undefined when it is inside every bound. */
function brokenNumeric(s: Schema, v: number): { constraint: string; bound: number } | undefined {
  if (typeof s.minimum === 'number' && v < s.minimum) return { constraint: 'minimum', bound: s.minimum };
  if (typeof s.exclusiveMinimum === 'number' && v <= s.exclusiveMinimum) return { constraint: 'exclusiveMinimum', bound: s.exclusiveMinimum };
  if (typeof s.maximum === 'number' && v > s.maximum) return { constraint: 'maximum', bound: s.maximum };
  if (typeof s.exclusiveMaximum === 'number' && v >= s.exclusiveMaximum) return { constraint: 'exclusiveMaximum', bound: s.exclusiveMaximum };
  return undefined;
}

function numeric(s: Schema, integer: boolean): BoundaryValue[] {
  const d = boundaryDelta(s, integer);
  const candidates: Array<[string, number, number]> = [];
  for (const key of ['minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum']) {
    const b = s[key];
    if (typeof b === 'number') candidates.push([key, b, b - d], [key, b, b], [key, b, b + d]);
  }
  return candidates.map(([constraint, bound, raw]) => {
    const value = round(raw);
    const broken = brokenNumeric(s, value);
    return broken ? { ...broken, value, inside: false, kind: 'number' as const } : { constraint, bound, value, inside: true, kind: 'number' as const };
  });
}

function lengths(s: Schema, minKey: string, maxKey: string, kind: BoundaryValue['kind']): BoundaryValue[] {
  const min = typeof s[minKey] === 'number' ? (s[minKey] as number) : undefined;
  const max = typeof s[maxKey] === 'number' ? (s[maxKey] as number) : undefined;
  const candidates: Array<[string, number, number]> = [];
  if (min !== undefined && min > 0) candidates.push([minKey, min, min - 1], [minKey, min, min], [minKey, min, min + 1]);
  if (max !== undefined) candidates.push([maxKey, max, max - 1], [maxKey, max, max], [maxKey, max, max + 1]);
  return candidates
    .filter(([, , n]) => n >= 0)
    .map(([constraint, bound, value]) => {
      if (min !== undefined && value < min) return { constraint: minKey, bound: min, value, inside: false, kind };
      if (max !== undefined && value > max) return { constraint: maxKey, bound: max, value, inside: false, kind };
      return { constraint, bound, value, inside: true, kind };
    });
}

export function boundaryValues(s: Schema): BoundaryValue[] {
  const types = schemaTypes(s) ?? [];
  const out: BoundaryValue[] = [];
  if (types.includes('integer') || types.includes('number')) out.push(...numeric(s, !types.includes('number')));
  // Lengths only where no pattern/format decides the characters.
  if (types.includes('string') && s.pattern === undefined && s.format === undefined) out.push(...lengths(s, 'minLength', 'maxLength', 'string-length'));
  if (types.includes('array')) out.push(...lengths(s, 'minItems', 'maxItems', 'array-length'));
  // One value per (kind, value): bounds that meet would repeat values.
  const seen = new Set<string>();
  return out.filter((b) => !seen.has(`${b.kind}:${b.value}`) && seen.add(`${b.kind}:${b.value}`));
}
