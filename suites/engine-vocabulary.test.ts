// The generic engine names no Mistral notion: no Mistral run option, no usage field of the Mistral API,
// no branch on a phase only the Mistral suite produces. Such knowledge plugs in through SuitePlugin
// (case sources that run one at a time, work after the cases, a token-usage hook), so a user's own
// suite gets the same treatment. The import rule (layering.test.ts) cannot see this: it is about words.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from './openapi/paths.js';

const GENERIC_DIRS = ['suites/openapi', 'suites/generate', 'suites/engine', 'suites/checks', 'reporters'];

const MISTRAL_WORDS: Array<{ pattern: RegExp; what: string }> = [
  { pattern: /\b(maxTokens|allowCostly|agentId)\b/, what: 'a Mistral suite option' },
  { pattern: /\b(total_tokens|usageTotal)\b/, what: 'a usage field of the Mistral API' },
  { pattern: /(===|!==|includes\()\s*'(semantic|stateful|probe)'/, what: 'a branch on a Mistral phase' },
];

// Known, with the change that removes it; the test fails once it is gone, so the list cannot go stale.
const KNOWN: Record<string, string> = {};

function sourceFiles(dir: string): string[] {
  return readdirSync(join(packageRoot(), dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'test-support' ? [] : sourceFiles(rel);
    return /(?<!\.test|\.d|test-support)\.ts$/.test(e.name) ? [rel] : [];
  });
}

function mistralWords(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) => MISTRAL_WORDS.filter((w) => w.pattern.test(line)).map((w) => `${file}:${i + 1}: ${w.what}: ${line.trim()}`));
}

describe('the generic engine vocabulary', () => {
  const found = GENERIC_DIRS.flatMap(sourceFiles).flatMap((f) => mistralWords(f, readFileSync(join(packageRoot(), f), 'utf8')));

  it('names no Mistral option, usage field or phase', () => {
    expect(found.filter((hit) => !Object.keys(KNOWN).some((k) => hit.startsWith(`${k}:`)))).toEqual([]);
  });

  it('still has each known exception (remove it from KNOWN once fixed)', () => {
    for (const file of Object.keys(KNOWN))
      expect(
        found.some((hit) => hit.startsWith(`${file}:`)),
        file,
      ).toBe(true);
  });

  it('fires on an option, a usage field and a phase branch, not on generic words', () => {
    expect(mistralWords('x.ts', "const n = options.maxTokens;\nif (tc.phase === 'stateful') x();\nusage.total_tokens")).toHaveLength(3);
    expect(mistralWords('x.ts', 'if (source.sequential) x();\nconst t = plugin.tokensOf?.(ex);\nphase: work.phase')).toEqual([]);
  });
});
