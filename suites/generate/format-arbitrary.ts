// Values for the `format`s a validator checks (ajv-formats' full mode and OpenAPI's own). Each one
// is made to pass the validator, not merely to look right: `fc.emailAddress()` makes addresses that
// strict email regexes reject, so addresses here are plain.
import * as fc from 'fast-check';

const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''));
const word = (min: number, max: number) => fc.string({ unit: alnum, minLength: min, maxLength: max });
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true });

const FORMATS: Record<string, () => fc.Arbitrary<string>> = {
  uuid: () => fc.uuid(),
  'date-time': () => date.map((d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z')),
  date: () => date.map((d) => d.toISOString().slice(0, 10)),
  time: () =>
    fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m, s]) => `${pad(h)}:${pad(m)}:${pad(s)}Z`),
  duration: () => fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 23 })).map(([d, h]) => `P${d}DT${h}H`),
  email: () => fc.tuple(word(1, 6), word(1, 6)).map(([l, d]) => `${l}@${d}.example`),
  'idn-email': () => fc.tuple(word(1, 6), word(1, 6)).map(([l, d]) => `${l}@${d}.example`),
  hostname: () => word(1, 8).map((w) => `${w}.example.com`),
  'idn-hostname': () => word(1, 8).map((w) => `${w}.example.com`),
  uri: () => word(0, 8).map((w) => `https://example.com/${w}`),
  'uri-reference': () => word(0, 8).map((w) => `/${w}`),
  iri: () => word(0, 8).map((w) => `https://example.com/${w}`),
  'iri-reference': () => word(0, 8).map((w) => `/${w}`),
  url: () => word(0, 8).map((w) => `https://example.com/${w}`),
  'uri-template': () => word(1, 8).map((w) => `https://example.com/{${w}}`),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
  byte: () => fc.uint8Array({ maxLength: 12 }).map((b) => Buffer.from(b).toString('base64')),
  // File content for multipart uploads: one small JSON line, the most widely accepted upload.
  binary: () => word(1, 8).map((w) => `{"text": "${w}"}\n`),
  password: () => word(8, 12),
  regex: () => fc.constantFrom('^[a-z]+$', '\\d+', 'abc'),
  'json-pointer': () => word(0, 6).map((w) => `/${w}`),
  'relative-json-pointer': () => fc.constant('0'),
  ulid: () => fc.constant('01ARZ3NDEKTSV4RRFFQ69G5FAV'),
};

export function hasFormatArbitrary(format: string): boolean {
  return format in FORMATS;
}

export function formatArbitrary(format: string): fc.Arbitrary<string> {
  const make = FORMATS[format];
  if (!make) throw new Error(`no generator for format ${format}`);
  return make();
}
