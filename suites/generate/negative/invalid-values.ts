// Values that break one keyword: a wrong JSON type, a value outside an enum, a string off a pattern
// or a format. Wrong types avoid what lenient servers coerce ("12" for an integer, "true" for a
// boolean), so a rejection is required by any reading of the schema.
import type { JsonType } from '../resolve-schema.js';
import { compilePattern, type PatternMatcher } from '../../openapi/safe-pattern.js';

const WRONG_TYPE_CANDIDATES: Array<[JsonType, unknown]> = [
  ['string', 'not-a-number'],
  ['integer', 12345],
  ['number', 1.5],
  ['object', { unexpected: true }],
  ['array', ['unexpected']],
  ['boolean', true],
];

/** Wrong-type values for a location that allows `allowed` types, best first. */
export function wrongTypeValues(allowed: JsonType[], textual: boolean): unknown[] {
  const ok = (t: JsonType) => allowed.includes(t) || (t === 'integer' && allowed.includes('number'));
  if (textual) {
    // Text on the wire: only a non-numeric, non-boolean word can have the wrong type.
    return allowed.includes('string') ? [] : [allowed.includes('boolean') ? 'not-a-boolean' : 'not-a-number'];
  }
  return WRONG_TYPE_CANDIDATES.filter(([t]) => !ok(t)).map(([, v]) => v);
}

export function outsideEnum(values: unknown[]): unknown {
  if (values.every((v) => typeof v === 'number')) return Math.max(...(values as number[])) + 1;
  let candidate = 'invalid_value';
  const known = new Set(values.map((v) => JSON.stringify(v)));
  while (known.has(JSON.stringify(candidate))) candidate += '_x';
  return candidate;
}

const BAD_FORMATS: Record<string, string> = {
  uuid: 'not-a-uuid',
  'date-time': 'not-a-date-time',
  date: '2024-13-45',
  time: '25:61:00',
  email: 'not-an-email',
  'idn-email': 'not-an-email',
  uri: 'not a uri',
  ipv4: '999.1.1.1',
  ipv6: 'not:an:ipv6',
  hostname: '-bad-.host-',
  byte: '***',
  duration: 'not-a-duration',
};

export function badFormatValue(format: string): string | undefined {
  return BAD_FORMATS[format];
}

export function offPatternValue(pattern: string): string | undefined {
  let re: PatternMatcher;
  try {
    re = compilePattern(pattern);
  } catch {
    return undefined;
  }
  // A pattern that is not checked (no linear-time matcher runs it) makes no invalid value the
  // validator would see.
  if (re.skipped) return undefined;
  return ['', '!', ' ', '~~~', '0', 'a', 'A_a-1', '\u00e9\u00e9'].find((c) => !re.test(c));
}
