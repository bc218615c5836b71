import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintCodeFingerprint, lintSpecCached } from './lint-cache.js';
import { lintSpec } from './lint.js';
import { loadSpec, type LoadedSpec } from './load-spec.js';
import { createParseCache } from './parse-cache.js';
import { pinnedErrataPath, pinnedSpecPath } from '../mistral/contracts.js';

let dir: string;
let spec: LoadedSpec;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mc-lint-cache-'));
  spec = await loadSpec(pinnedSpecPath(), { overlays: [pinnedErrataPath()] });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lintSpecCached', () => {
  it('gives the same findings as lintSpec, cold and warm', () => {
    const cache = createParseCache(dir);
    const expected = lintSpec(spec);
    expect(expected.length).toBeGreaterThan(0);
    expect(lintSpecCached(spec, cache)).toEqual(expected);
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    expect(lintSpecCached(spec, cache)).toEqual(expected);
  });

  it('answers from the cache when the entry is there, and lints again when it is corrupt', () => {
    const cache = createParseCache(dir);
    const [file] = readdirSync(dir).filter((f) => f.endsWith('.json'));
    const key = file!.replace(/\.json$/, '');
    const planted = [{ rule: 'planted', pointer: '#/x', message: 'from the cache', severity: 'warning' as const }];
    cache.set(key, planted);
    expect(lintSpecCached(spec, cache)).toEqual(planted);
    writeFileSync(join(dir, file!), '[{"rule":');
    expect(lintSpecCached(spec, cache)).toEqual(lintSpec(spec));
  });

  it('keys on the documents: another document misses', async () => {
    const cache = createParseCache(dir);
    const literal = await loadSpec(pinnedSpecPath());
    const before = readdirSync(dir).length;
    expect(lintSpecCached(literal, cache)).toEqual(lintSpec(literal));
    expect(readdirSync(dir).length).toBe(before + 1);
  });

  it('fingerprints the lint code', () => {
    expect(lintCodeFingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });
});
