import { describe, expect, expectTypeOf, it } from 'vitest';
import { DEFAULT_OPTIONS, type ConformanceOptions } from '../api.js';
import type { ValueType } from './value-types.js';
import { caseChangingOptions, DEFAULT_PHASES, OPTIONS, optionDefault, type TableRow } from './table.js';

type RunRow = Extract<TableRow, { scope: 'run' }>;
type Top<N extends string> = N extends `${infer H}.${string}` ? H : N;
type OptionValueOf<R> = R extends { value: ValueType<infer _C, infer O> } ? O : never;
/** The table's run options with their values, as the run API would take them (nested ones aside). */
type FlatRunOptions = { [R in RunRow as R['name'] extends `${string}.${string}` ? never : R['name']]?: OptionValueOf<R> };

describe('the options table', () => {
  it('names each option, flag and config key once', () => {
    const unique = (xs: string[]): void => expect(xs.filter((x, i) => xs.indexOf(x) !== i)).toEqual([]);
    unique(OPTIONS.map((r) => r.name));
    unique(OPTIONS.flatMap((r) => ('flag' in r && r.flag ? [r.flag] : [])));
    unique(OPTIONS.flatMap((r) => ('config' in r && r.config ? [`${('configPlace' in r && r.configPlace) || 'settings'}:${r.config}`] : [])));
  });

  it('maps to the run API: every run option is one of ConformanceOptions, with its type', () => {
    expectTypeOf<Top<RunRow['name']>>().toMatchTypeOf<keyof ConformanceOptions>();
    expectTypeOf<FlatRunOptions>().toMatchTypeOf<Partial<ConformanceOptions>>();
  });

  it('gives the run its defaults (all phases but the client probe)', () => {
    expect(DEFAULT_OPTIONS).toMatchObject({ seed: 1, runs: 8, timeoutMs: 30_000, maxTokens: 16, concurrency: 4, errata: true, apiKeyEnv: 'MISTRAL_API_KEY' });
    expect(DEFAULT_PHASES).toEqual(['examples', 'coverage', 'positive', 'negative', 'auth', 'semantic', 'stateful']);
    expect(optionDefault('retries')).toBe(4);
  });

  it('lists what changes the cases for merge: generation and judging, not pacing or reports', () => {
    const list = caseChangingOptions();
    expect(list).toEqual(
      expect.arrayContaining(['runs', 'phases', 'include', 'exclude', 'errata', 'models', 'maxTokens', 'readOnly', 'allowCostly', 'agentId']),
    );
    expect(list).toContain('statusPolicy');
    for (const pacing of ['concurrency', 'rateLimit', 'retries', 'timeoutMs', 'budget', 'shard', 'target']) expect(list).not.toContain(pacing);
    expect(list.some((n) => n.includes('.'))).toBe(false);
  });

  it('has one line of help for each option', () => {
    for (const r of OPTIONS) {
      expect(r.help.length, r.name).toBeGreaterThan(5);
      expect(r.help, r.name).not.toContain('\n');
    }
  });
});
