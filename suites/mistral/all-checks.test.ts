// Every shipped check is written one way (defineCheck, directly or through a helper built on it), has
// a row in the README's table of checks, and a test file beside the module that defines it: ESLint's
// "every rule has a test and a docs row".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineCheck, isDefinedCheck } from '../checks/define-check.js';
import type { Check } from '../engine/types.js';
import { packageRoot } from '../openapi/paths.js';
import { allCheckImplementations, allChecks } from './all-checks.js';

const root = packageRoot();

function shippedModules(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'test-support') out.push(...shippedModules(rel));
    } else if (rel.endsWith('.ts') && !rel.endsWith('.test.ts') && !rel.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** For each shipped check, the modules (not index.ts re-exports) that export it. */
async function definingModules(checks: Check[]): Promise<Map<Check, string[]>> {
  const shipped = new Set(checks);
  const found = new Map<Check, string[]>(checks.map((c) => [c, []]));
  for (const file of [...shippedModules('suites/checks'), ...shippedModules('suites/mistral')]) {
    if (basename(file) === 'index.ts') continue;
    const exports: Record<string, unknown> = await import(join(root, file));
    for (const value of Object.values(exports)) if (shipped.has(value as Check)) found.get(value as Check)!.push(file);
  }
  return found;
}

describe('the shipped checks', () => {
  const checks = allCheckImplementations();

  it('are all built with defineCheck', () => {
    expect(checks.length).toBeGreaterThan(30);
    expect(checks.filter((c) => !isDefinedCheck(c)).map((c) => c.id)).toEqual([]);
  });

  it('each have a row in the README table of checks', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const missing = allChecks().filter((c) => !readme.includes(`| \`${c.id}\` |`));
    expect(missing.map((c) => c.id)).toEqual([]);
  });

  it('each come from a module with a test beside it', async () => {
    const modules = await definingModules(checks);
    const problems: string[] = [];
    for (const [check, files] of modules) {
      if (files.length === 0) problems.push(`${check.id}: no module under suites/checks or suites/mistral exports it`);
      for (const file of files) if (!existsSync(join(root, file.replace(/\.ts$/, '.test.ts')))) problems.push(`${check.id}: ${file} has no test beside it`);
    }
    expect(problems).toEqual([]);
  });

  it('semantic and streaming checks say which requests they judge (never answers to invalid requests)', () => {
    const judged = checks.filter((c) => c.category === 'semantic' || c.category === 'streaming');
    expect(judged.length).toBeGreaterThan(15);
    expect(judged.filter((c) => c.judges === undefined).map((c) => c.id)).toEqual([]);
  });

  it('isDefinedCheck tells a defined check from an object literal', () => {
    const meta = { id: 'x', title: 'X', severity: 'low', description: 'd', category: 'c', scope: 'exchange', run: () => undefined } as const;
    expect(isDefinedCheck(defineCheck({ ...meta }))).toBe(true);
    expect(isDefinedCheck({ ...meta })).toBe(false);
  });
});
