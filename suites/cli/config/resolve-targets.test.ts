import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { policyTable, resolveTargets } from './resolve-targets.js';
import type { RunConfig } from './types.js';
import { validateConfig } from './validate-config.js';

const config: RunConfig = validateConfig({
  defaults: {
    concurrency: 4,
    models: ['small'],
    headers: { 'X-Team': 'qa', 'x-trace': 'on' },
    budgets: { maxRequests: 500, maxDurationMs: 60000 },
    rateLimit: { requestsPerSecond: 2 },
    statusPolicy: { '429': { 'rate-limited': 'pass', '*': 'warn' }, '404': 'warn' },
  },
  targets: {
    mistral: { url: 'https://api.mistral.ai' },
    vendorA: {
      url: 'https://a.example/mistral',
      apiKeyEnv: 'VENDOR_A_KEY',
      auth: { header: 'x-api-key' },
      headers: { 'x-team': 'vendor' },
      concurrency: 2,
      budgets: { maxRequests: 100 },
      statusPolicy: { '429': { '*': 'fail' }, '404': { 'unknown-resource': 'pass' } },
    },
  },
});
const env = { MISTRAL_API_KEY: 'k-mistral', VENDOR_A_KEY: 'k-vendor' };

describe('resolveTargets', () => {
  it('returns every target in file order when none is named', () => {
    const targets = resolveTargets(config, {}, undefined, { env });
    expect(targets.map((t) => t.name)).toEqual(['mistral', 'vendorA']);
  });

  it('fills defaults and reads the key from the named variable', () => {
    const [t] = resolveTargets(config, {}, 'mistral', { env });
    expect(t).toMatchObject({
      name: 'mistral',
      url: 'https://api.mistral.ai',
      apiKeyEnv: 'MISTRAL_API_KEY',
      apiKey: 'k-mistral',
      auth: 'bearer',
      authHeader: { name: 'Authorization', scheme: 'Bearer' },
      concurrency: 4,
      models: ['small'],
      include: [],
      exclude: [],
      budgets: { maxRequests: 500, maxDurationMs: 60000 },
    });
  });

  it('lets the target override defaults, merging objects by key', () => {
    const [t] = resolveTargets(config, {}, 'vendorA', { env });
    expect(t!.apiKey).toBe('k-vendor');
    expect(t!.authHeader).toEqual({ name: 'x-api-key' });
    expect(t!.concurrency).toBe(2);
    expect(t!.headers).toEqual({ 'x-trace': 'on', 'x-team': 'vendor' });
    expect(t!.budgets).toEqual({ maxRequests: 100, maxDurationMs: 60000 });
    expect(t!.rateLimit).toEqual({ requestsPerSecond: 2 });
    expect(t!.statusPolicy).toEqual({ '429': { 'rate-limited': 'pass', '*': 'fail' }, '404': { 'unknown-resource': 'pass' } });
  });

  it('lets flags win over target and defaults', () => {
    const [t] = resolveTargets(
      config,
      { concurrency: 1, models: ['large'], budgets: { maxRequests: 7 }, headers: { 'X-TEAM': 'cli' }, url: 'http://127.0.0.1:9' },
      'vendorA',
      { env },
    );
    expect(t).toMatchObject({
      name: 'vendorA',
      url: 'http://127.0.0.1:9',
      concurrency: 1,
      models: ['large'],
      budgets: { maxRequests: 7, maxDurationMs: 60000 },
    });
    expect(t!.headers).toEqual({ 'x-trace': 'on', 'X-TEAM': 'cli' });
  });

  it('applies flags to every target when none is named', () => {
    const targets = resolveTargets(config, { maxTokens: 8 }, undefined, { env });
    expect(targets.map((t) => t.maxTokens)).toEqual([8, 8]);
  });

  it('builds one target from --url, named after the host', () => {
    const [t, ...rest] = resolveTargets(config, { url: 'http://127.0.0.1:4010/prefix' }, undefined, { env });
    expect(rest).toEqual([]);
    expect(t).toMatchObject({ name: '127.0.0.1:4010', url: 'http://127.0.0.1:4010/prefix', concurrency: 4 });
  });

  it('works without a config file', () => {
    const [t] = resolveTargets(undefined, { url: 'http://127.0.0.1:1' }, 'local', { env: {} });
    expect(t).toMatchObject({ name: 'local', apiKeyEnv: 'MISTRAL_API_KEY', headers: {}, budgets: {} });
    expect(t!.apiKey).toBeUndefined();
  });

  it('treats an empty variable as no key', () => {
    const [t] = resolveTargets(config, {}, 'mistral', { env: { MISTRAL_API_KEY: '' } });
    expect(t!.apiKey).toBeUndefined();
  });

  it('names the known targets when the name is unknown', () => {
    expect(() => resolveTargets(config, {}, 'vendorB', { env })).toThrow(
      new ConfigError('unknown target "vendorB" (known targets: mistral, vendorA). Add it under "targets" or pass --target URL', [], 'resolve target'),
    );
    expect(() => resolveTargets(config, {}, 'toString', { env })).toThrow(/unknown target "toString"/);
  });

  it('says what to do when there is no target at all', () => {
    expect(() => resolveTargets({ defaults: {}, targets: {} }, {}, undefined, { env })).toThrow(
      '[mistral-conformance] Failed to resolve target: no target to test. Add one under "targets" in the config file or pass --target URL',
    );
    expect(() => resolveTargets(undefined, {}, 'x', { env })).toThrow(/the config has no targets/);
  });

  it('rejects bad flag values naming the flag', () => {
    expect(() => resolveTargets(config, { concurrency: 0 }, 'mistral', { env })).toThrow(
      '[mistral-conformance] Failed to read command-line options: --concurrency must be an integer ≥ 1 (got 0)',
    );
    expect(() => resolveTargets(config, { url: 'localhost:8080' }, undefined, { env })).toThrow(/--url must be an http\(s\) URL/);
  });
});

describe('options', () => {
  it('are the run options of the target, flags passing through', () => {
    const [t] = resolveTargets(config, { phases: ['examples'], seed: 7, runs: 3, shard: { index: 1, total: 2 } }, 'vendorA', { env });
    expect(t!.options).toEqual({
      seed: 7,
      runs: 3,
      shard: { index: 1, total: 2 },
      target: 'https://a.example/mistral',
      apiKeyEnv: 'VENDOR_A_KEY',
      apiKey: 'k-vendor',
      authHeader: { name: 'x-api-key' },
      extraHeaders: { 'x-trace': 'on', 'x-team': 'vendor' },
      models: ['small'],
      concurrency: 2,
      phases: ['examples'],
      rateLimit: 2,
      budget: { maxRequests: 100, maxDurationMs: 60000 },
      statusPolicy: { '429': { 'rate-limited': 'pass', '*': 'fail' }, '404': { 'unknown-resource': 'pass' } },
    });
  });

  it('accept flags in the run API names (target, extraHeaders, authHeader, budget, rateLimit, retries)', () => {
    const [t] = resolveTargets(
      config,
      {
        target: 'http://127.0.0.1:5',
        extraHeaders: { 'x-team': 'flag' },
        authHeader: { name: 'api-token' },
        budget: { maxRequests: 3 },
        rateLimit: 9,
        retries: 1,
      },
      'mistral',
      { env },
    );
    expect(t).toMatchObject({ url: 'http://127.0.0.1:5', auth: { header: 'api-token' }, rateLimit: { requestsPerSecond: 9, maxRetries: 1 } });
    expect(t!.options).toMatchObject({
      target: 'http://127.0.0.1:5',
      authHeader: { name: 'api-token' },
      budget: { maxRequests: 3, maxDurationMs: 60000 },
      rateLimit: 9,
      retries: 1,
    });
    expect(t!.options.extraHeaders).toEqual({ 'x-trace': 'on', 'x-team': 'flag' });
    expect(t!.options).not.toHaveProperty('url');
    expect(t!.options).not.toHaveProperty('budgets');
  });

  it('carry spec and errata from the file unless flags say otherwise', () => {
    const file = { ...config, spec: '/specs/v2.yaml', errata: '/specs/fix.yaml' };
    expect(resolveTargets(file, {}, 'mistral', { env })[0]!.options).toMatchObject({ spec: '/specs/v2.yaml', overlays: ['/specs/fix.yaml'] });
    const flagged = resolveTargets(file, { spec: '/other.yaml', errata: false }, 'mistral', { env })[0]!.options;
    expect(flagged).toMatchObject({ spec: '/other.yaml', errata: false });
    expect(resolveTargets({ ...config, errata: false }, {}, 'mistral', { env })[0]!.options.errata).toBe(false);
    expect(resolveTargets(file, { overlays: ['/a.yaml'] }, 'mistral', { env })[0]!.options.overlays).toEqual(['/a.yaml']);
    const plain = resolveTargets(config, {}, 'mistral', { env })[0]!.options;
    expect(plain).not.toHaveProperty('spec');
    expect(plain).not.toHaveProperty('errata');
    expect(plain).not.toHaveProperty('overlays');
  });

  it("carry the contract from the file; a flag naming a contract or a spec replaces the file's choice", () => {
    const file = { ...config, contract: '2026-07' };
    expect(resolveTargets(file, {}, 'mistral', { env })[0]!.options).toMatchObject({ contract: '2026-07' });
    expect(resolveTargets(file, { contract: '2024-11' }, 'mistral', { env })[0]!.options.contract).toBe('2024-11');
    const other = resolveTargets(file, { spec: '/other.yaml' }, 'mistral', { env })[0]!.options;
    expect(other).toMatchObject({ spec: '/other.yaml' });
    expect(other).not.toHaveProperty('contract');
    const specFile = { ...config, spec: '/specs/v2.yaml' };
    const named = resolveTargets(specFile, { contract: '2026-07' }, 'mistral', { env })[0]!.options;
    expect(named).toMatchObject({ contract: '2026-07' });
    expect(named).not.toHaveProperty('spec');
  });

  it('leave unset lists out so the run defaults apply, and never hold a key that is not set', () => {
    const [t] = resolveTargets(undefined, { url: 'http://127.0.0.1:1' }, undefined, { env: {} });
    expect(t!.options).toEqual({
      target: 'http://127.0.0.1:1',
      apiKeyEnv: 'MISTRAL_API_KEY',
      authHeader: { name: 'Authorization', scheme: 'Bearer' },
      extraHeaders: {},
    });
  });
});

describe('policyTable', () => {
  it('spells a bare verdict out for every situation and lower-cases ranges', () => {
    const table = policyTable({ '401': 'warn', '5XX': { '*': 'fail' } });
    expect(table['401']).toMatchObject({ '*': 'warn', 'no-credentials': 'warn', 'invalid-credentials': 'warn', valid: 'warn', unknown: 'warn' });
    expect(table['5xx']).toEqual({ '*': 'fail' });
  });
});
