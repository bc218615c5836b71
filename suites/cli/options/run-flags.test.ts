import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { fromValues, parseRunArgs } from './run-flags.js';

const usage = (argv: string[]): string => {
  try {
    parseRunArgs(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected a usage error');
};

describe('run flags', () => {
  it('become run options in the run API names, only those given', () => {
    const args = parseRunArgs([
      '--target',
      'http://127.0.0.1:1',
      '--seed',
      '7',
      '--phases',
      'examples,negative',
      '--include',
      'chat',
      '--include',
      'models,files',
      '--header',
      'x-team: qa',
      '--auth-header',
      'x-api-key',
      '--no-errata',
      '--rate-limit',
      '0.5',
      '--max-requests',
      '50',
      '--max-duration',
      '60000',
      '--shard',
      '2/3',
      '--read-only',
    ]);
    expect(args).not.toBe('help');
    if (args === 'help') return;
    expect(args.options).toEqual({
      target: 'http://127.0.0.1:1',
      seed: 7,
      phases: ['examples', 'negative'],
      include: ['chat', 'models', 'files'],
      extraHeaders: { 'x-team': 'qa' },
      authHeader: { name: 'x-api-key' },
      errata: false,
      rateLimit: 0.5,
      budget: { maxRequests: 50, maxDurationMs: 60000 },
      shard: { index: 2, total: 3 },
      readOnly: true,
    });
  });

  it("fill the command's own settings with their defaults", () => {
    const args = parseRunArgs(['--embedded', '--quiet']);
    if (args === 'help') throw new Error('not help');
    expect(args.command).toMatchObject({ embedded: true, quiet: true, reportDir: 'conformance-report', formats: ['json', 'junit', 'markdown', 'html'] });
    expect(parseRunArgs(['--format', 'json', '--report-dir', 'out'])).toMatchObject({ command: { formats: ['json'], reportDir: 'out' } });
  });

  it('--client-probe adds the probe phase to the given or default phases', () => {
    expect(fromValues({ 'client-probe': true }).options.phases).toEqual([
      'examples',
      'coverage',
      'positive',
      'negative',
      'auth',
      'semantic',
      'stateful',
      'probe',
    ]);
    expect(fromValues({ phases: 'examples', 'client-probe': true }).options.phases).toEqual(['examples', 'probe']);
  });

  it('--help wins over the other flags', () => {
    expect(parseRunArgs(['--help', '--seed', 'x'])).toBe('help');
  });

  it.each([
    [['--concurrency', '0'], '--concurrency must be an integer ≥ 1 (got "0")'],
    [['--seed', 'x'], '--seed must be an integer ≥ 0 (got "x")'],
    [['--k', '0'], '--k must be an integer ≥ 1 (got "0")'],
    [['--rate-limit', '0'], '--rate-limit must be a positive number of requests per second (got "0")'],
    [['--header', 'novalue'], '--header must look like "Name: value" (got "novalue")'],
    [['--phases', 'examples,nope'], '--phases: unknown phase nope (known: examples, coverage, positive, negative, auth, semantic, stateful, probe)'],
    [['--checks', 'no-such-check', '--skip-checks', 'nor-this'], "unknown check id no-such-check, nor-this (see the README's table of checks)"],
    [['--seeds', '1'], "Unknown option '--seeds' (see --help)"],
  ])('%j is a usage error naming the flag', (argv, message) => {
    expect(usage(argv)).toBe(message);
  });

  it('--contract takes a contract by name and refuses an unknown one naming the known', () => {
    const args = parseRunArgs(['--contract', '2026-07']);
    expect(args !== 'help' && args.options.contract).toBe('2026-07');
    expect(usage(['--contract', '2025-01'])).toBe('--contract: unknown contract "2025-01" (known: 2024-11, 2026-07)');
  });

  it('rejects a bad shard with its own message', () => {
    expect(usage(['--shard', '3/2'])).toMatch(/Failed to parse shard "3\/2": the index must be between 1 and 2/);
  });
});
