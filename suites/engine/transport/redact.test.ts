import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED, redactHeaders, redactSecrets, secretForms } from './redact.js';

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
    for (const form of secretForms(KEY)) expect(out).not.toContain(form);
  });

  it('leaves text without secrets alone, and ignores empty and very short secrets', () => {
    expect(redactSecrets('nothing to see', [KEY])).toBe('nothing to see');
    expect(redactSecrets('a b a', ['', 'a', undefined])).toBe('a b a');
  });

  it('handles several secrets and regex metacharacters', () => {
    expect(redactSecrets('x (a+b)* y sk-2', ['(a+b)*', 'sk-2'])).toBe(`x ${REDACTED} y ${REDACTED}`);
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
