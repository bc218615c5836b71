import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ConfigError } from './config-error.js';
import { BAD_CONFIGS } from './config-cases.fixture.js';
import { configIssues, looksLikeKey, overrideIssues, validateConfig } from './validate-config.js';

const PREFIX = '[mistral-conformance] Failed to read config: ';

describe('validateConfig', () => {
  it.each(BAD_CONFIGS.map((c) => [c.name, c] as const))('rejects %s with the offending path', (_name, c) => {
    let error: unknown;
    try {
      validateConfig(c.config);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(PREFIX + c.message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('accepts the example configuration and keeps its values', () => {
    const raw = JSON.parse(readFileSync(new URL('./mistral-conformance.config.example.json', import.meta.url), 'utf8')) as unknown;
    const config = validateConfig(raw);
    expect(Object.keys(config.targets)).toEqual(['mistral', 'vendorA']);
    expect(config.targets.vendorA).toMatchObject({ auth: { header: 'x-api-key' }, apiKeyEnv: 'VENDOR_A_KEY', concurrency: 2 });
    expect(config.defaults.budgets).toEqual({ maxRequests: 500, maxTotalTokens: 200000, maxDurationMs: 600000 });
    expect(config.defaults.statusPolicy).toEqual({ '429': { 'rate-limited': 'pass', '*': 'warn' } });
  });

  it('accepts an empty object (targets can come from the command line)', () => {
    expect(validateConfig({})).toEqual({ defaults: {}, targets: {} });
  });

  it('keeps errata false and the bearer scheme', () => {
    const config = validateConfig({ errata: false, targets: { a: { url: 'http://127.0.0.1:1', auth: 'bearer' } } });
    expect(config.errata).toBe(false);
    expect(config.targets.a?.auth).toBe('bearer');
  });

  it('collects every problem, not only the first', () => {
    const { issues } = configIssues({ targets: { a: { url: 'x', concurrency: 0, models: [1] } } });
    expect(issues.map((i) => i.path)).toEqual(['targets.a.url', 'targets.a.models[0]', 'targets.a.concurrency']);
  });

  it('never echoes a value that may be a secret', () => {
    const key = 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY';
    const cases = [
      { targets: { a: { url: 'http://x', apiKeyEnv: key } } },
      { targets: { a: { url: 'http://x', apiKeyEnv: `sk-${key}` } } },
      { targets: { a: { url: 'http://x', apiKey: key } } },
      { targets: { a: { url: `https://u:${key}@x.example` } } },
      { targets: { a: { url: `ftp://u:${key}@x.example` } } },
      { targets: { a: { url: 'http://x', headers: { 'x-api-key': key } } } },
      { targets: { a: { url: 'http://x', headers: { Authorization: `Bearer ${key}` } } } },
    ];
    for (const c of cases) {
      const { issues } = configIssues(c);
      expect(issues.length).toBeGreaterThan(0);
      expect(JSON.stringify(issues)).not.toContain(key);
    }
  });

  it('cuts long values so the message stays short', () => {
    const { issues } = configIssues({ targets: { a: { url: 'http://x', concurrency: 'y'.repeat(500) } } });
    expect(issues[0]!.message.length).toBeLessThan(100);
  });
});

describe('looksLikeKey', () => {
  it.each([
    ['aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY', true],
    ['MISTRAL_API_KEY', false],
    ['VENDOR_A_KEY_2', false],
    ['myKey', false],
  ])('%s → %s', (value, expected) => expect(looksLikeKey(value)).toBe(expected));
});

describe('overrideIssues', () => {
  it('names the flag', () => {
    expect(overrideIssues({ concurrency: 0 })).toEqual([{ path: '--concurrency', message: 'must be an integer ≥ 1 (got 0)' }]);
    expect(overrideIssues({ url: 'nope' })).toEqual([{ path: '--url', message: 'must be an http(s) URL (got "nope")' }]);
    expect(overrideIssues({ budgets: { maxRequests: 'a' } })[0]?.path).toBe('--budgets.maxRequests');
  });
  it('ignores flags that were not given', () => {
    expect(overrideIssues({ concurrency: undefined, url: undefined, models: ['m'] })).toEqual([]);
  });
});
