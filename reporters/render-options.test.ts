import { describe, expect, it } from 'vitest';
import { isSensitiveKey, redact, REDACTED } from './render-options.js';

describe('isSensitiveKey (remembered per key)', () => {
  it('answers the same on repeated calls, and past the bound of remembered keys', () => {
    const keys = ['apiKey', 'api_key', 'Authorization', 'x-api-key', 'status', 'checkId', 'token', 'tokens', 'cookie'];
    const first = keys.map(isSensitiveKey);
    expect(first).toEqual([true, true, true, true, false, false, true, false, true]);
    expect(keys.map(isSensitiveKey)).toEqual(first);
    for (let i = 0; i < 12_000; i++) isSensitiveKey(`generated_${i}`);
    expect(keys.map(isSensitiveKey)).toEqual(first);
  });
});

describe('redact: strings without a colon skip the header pattern, not the secrets', () => {
  it('still replaces a secret in a colon-free string and a header-style credential', () => {
    expect(redact('key sk-secret-1 here', ['sk-secret-1'])).toBe(`key ${REDACTED} here`);
    expect(redact('Authorization: Bearer abc123', [])).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redact('plain words', ['zzzz'])).toBe('plain words');
  });
});
