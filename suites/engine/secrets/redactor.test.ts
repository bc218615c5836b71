import { describe, expect, it } from 'vitest';
import { plainForms } from './forms.js';
import { createRedactor, REDACTED, redactHeaders, redactSecrets } from './redactor.js';

const KEY = 'sk-live/Abc+123=xyz?';

describe('redactSecrets', () => {
  it.each([
    ['plain', `key is ${KEY}.`],
    ['url-encoded', `https://h/v1?key=${encodeURIComponent(KEY)}`],
    ['json-escaped', JSON.stringify({ k: `a"${KEY}` })],
    ['base64 alone', Buffer.from(KEY).toString('base64')],
    ['base64 in basic auth (offset 1)', Buffer.from(`u:${KEY}`).toString('base64')],
    ['base64 offset 2', Buffer.from(`us:${KEY}`).toString('base64')],
    ['base64url', Buffer.from(`x${KEY}`).toString('base64url')],
  ])('removes the %s form', (_name, text) => {
    const out = redactSecrets(text, [KEY]);
    expect(out).toContain(REDACTED);
    for (const form of plainForms(KEY)) expect(out).not.toContain(form);
  });

  it('leaves text without secrets alone, and ignores empty and very short secrets', () => {
    expect(redactSecrets('nothing to see', [KEY])).toBe('nothing to see');
    expect(redactSecrets('a b a', ['', 'a', undefined])).toBe('a b a');
  });

  it('handles several secrets and regex metacharacters', () => {
    expect(redactSecrets('x (a+b)* y sk-2', ['(a+b)*', 'sk-2'])).toBe(`x ${REDACTED} y ${REDACTED}`);
  });
});

const CANARY = 'sk-canary-0f9e8d7c6b5a4321';
const hex = Buffer.from(CANARY).toString('hex');

describe('every echoed form of a key', () => {
  it.each([
    ['raw', `x ${CANARY} y`],
    ['JSON \\u escapes of the dashes', JSON.stringify(CANARY).replace(/-/g, '\\u002d')],
    ['JSON \\u escapes of every character', [...CANARY].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')],
    ['JSON \\u escapes in upper case', CANARY.replace(/-/g, '\\u002D')],
    ['percent-encoding of every character', [...CANARY].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('')],
    ['mixed escapes', CANARY.replace('-', '%2d').replace('-', '\\u002d')],
    ['HTML character references', CANARY.replace(/-/g, '&#45;').replace(/c/g, '&#x63;')],
    ['hex', `0x${hex}`],
    ['hex in upper case', hex.toUpperCase()],
    ['base64', Buffer.from(CANARY).toString('base64')],
    ['base64 at offset 1', Buffer.from(`:${CANARY}`).toString('base64')],
    ['base64 at offset 2', Buffer.from(`u:${CANARY}`).toString('base64')],
    ['base64url', Buffer.from(`??${CANARY}`).toString('base64url')],
    ['base64 with JSON-escaped slashes', Buffer.from(`\xff\xff${CANARY}`, 'latin1').toString('base64').replace(/\//g, '\\/')],
  ])('finds and removes the %s form, in text and in bytes', (_name, text) => {
    const r = createRedactor([CANARY]);
    expect(r.has(text)).toBe(true);
    expect(r.hasBytes(Buffer.from(text))).toBe(true);
    const out = r.text(text);
    expect(out).toContain(REDACTED);
    expect(r.has(out)).toBe(false);
    expect(Buffer.from(r.bytes(Buffer.from(text))).toString()).toBe(out);
    expect(JSON.stringify(r.value({ [text]: [text] }))).not.toContain(text);
  });

  it('finds a key whose JSON escapes a parser would undo, before and after parsing', () => {
    const body = `{"echo":"${CANARY.replace(/-/g, '\\u002d')}"}`;
    const r = createRedactor([CANARY]);
    expect(r.has(body)).toBe(true);
    expect(JSON.stringify(JSON.parse(r.text(body)))).not.toContain(CANARY);
    expect(JSON.stringify(r.value(JSON.parse(body)))).not.toContain(CANARY);
  });

  it('finds a key in a header name, and says where', () => {
    const r = createRedactor([CANARY]);
    expect(r.reflectedInHeaders({ [`x-${CANARY}`]: '1', 'x-echo': Buffer.from(CANARY).toString('base64'), 'x-ok': 'fine' })).toEqual([
      'header name',
      'header:x-echo',
    ]);
    expect(JSON.stringify(r.headers({ [`x-${CANARY}`]: '1' }))).not.toContain(CANARY);
  });

  it('finds a key split across the pieces a scanner is fed', () => {
    const r = createRedactor([CANARY]);
    const s = r.scanner();
    s.push(`head ${CANARY.slice(0, 7)}`);
    s.push(CANARY.slice(7, 12));
    s.push(`${CANARY.slice(12)} tail`);
    expect(s.found).toBe(true);
    const long = r.scanner();
    long.push('x'.repeat(5000));
    long.push(CANARY.slice(0, 3));
    long.push(`${CANARY.slice(3)}${'y'.repeat(5000)}`);
    long.push('z'.repeat(5000));
    expect(long.found).toBe(true);
    const clean = r.scanner();
    for (const piece of ['sk-', 'canary', ' is not the key']) clean.push(piece);
    expect(clean.found).toBe(false);
  });

  it('leaves ordinary text alone: words, hex ids, base64 of other values', () => {
    const r = createRedactor([CANARY]);
    for (const t of ['sk-canary', 'canary-0f9e8d7c', Buffer.from('hello world').toString('base64'), 'deadbeefcafe', '&#45;&#45;']) expect(r.text(t)).toBe(t);
  });
});

describe('redactHeaders', () => {
  it('redacts credential headers by name, keeping the scheme, and any header carrying the secret', () => {
    const out = redactHeaders(
      {
        Authorization: 'Bearer abc',
        'x-api-key': 'k',
        Cookie: 's=1',
        'proxy-authorization': 'Basic zz',
        'x-echo': `got ${KEY}`,
        'content-type': 'application/json',
        'x-custom-key': 'v',
      },
      [KEY],
      ['X-Custom-Key'],
    );
    expect(out).toEqual({
      Authorization: `Bearer ${REDACTED}`,
      'x-api-key': REDACTED,
      Cookie: REDACTED,
      'proxy-authorization': `Basic ${REDACTED}`,
      'x-echo': `got ${REDACTED}`,
      'content-type': 'application/json',
      'x-custom-key': REDACTED,
    });
  });
});

describe('createRedactor', () => {
  const r = createRedactor([KEY]);
  it('cleans JSON values deeply (strings and keys) and returns clean values unchanged', () => {
    const v = { a: [`x${KEY}`, 1, null], [KEY]: { b: KEY } };
    expect(JSON.stringify(r.value(v))).not.toContain(KEY);
    const clean = { a: [1, 'two'] };
    expect(r.value(clean)).toEqual(clean);
  });
  it('cleans bytes', () => {
    const out = r.bytes(new TextEncoder().encode(`<<${KEY}>>${KEY}`));
    expect(new TextDecoder().decode(out)).toBe(`<<${REDACTED}>>${REDACTED}`);
    const clean = new Uint8Array([1, 2, 3]);
    expect(r.bytes(clean)).toBe(clean);
  });
  it('finds a secret in bytes in any of its forms, without decoding them', () => {
    const enc = (t: string) => new TextEncoder().encode(t);
    expect(r.hasBytes(enc(`xx${KEY}yy`))).toBe(true);
    expect(r.hasBytes(enc(`xx${encodeURIComponent(KEY)}yy`))).toBe(true);
    expect(r.hasBytes(enc('nothing here'))).toBe(false);
    expect(createRedactor([]).hasBytes(enc(KEY))).toBe(false);
  });
  it('is empty without secrets', () => {
    expect(createRedactor([]).empty).toBe(true);
    expect(r.empty).toBe(false);
    expect(r.has(`..${KEY}..`)).toBe(true);
    expect(r.has('..')).toBe(false);
  });
});
