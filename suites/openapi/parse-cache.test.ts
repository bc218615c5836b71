import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheKey, createParseCache, defaultCacheDir, isJsonTree } from './parse-cache.js';
import { parseDocumentText, yamlCacheKey } from './read-document.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'mc-parse-cache-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('isJsonTree', () => {
  it('accepts plain JSON data and refuses what JSON would not give back the same', () => {
    expect(isJsonTree({ a: [1, 'x', true, null, { b: 2.5 }] })).toBe(true);
    const shared = { x: 1 };
    expect(isJsonTree({ a: shared, b: shared })).toBe(false);
    expect(isJsonTree({ a: Infinity })).toBe(false);
    expect(isJsonTree({ a: -0 })).toBe(false);
    expect(isJsonTree({ a: new Date(0) })).toBe(false);
    expect(isJsonTree({ a: undefined })).toBe(false);
    expect(isJsonTree(new Map())).toBe(false);
  });
});

describe('parse cache', () => {
  it('gives back what was stored, under its key only', () => {
    const cache = createParseCache(tempDir());
    const key = cacheKey('a: 1', 'test');
    expect(cache.get(key)).toBeUndefined();
    cache.set(key, { a: 1 });
    expect(cache.get(key)).toEqual({ a: 1 });
    expect(cache.get(cacheKey('a: 2', 'test'))).toBeUndefined();
    expect(cacheKey('a: 1', 'other parser')).not.toBe(key);
  });

  it('ignores a corrupt or foreign entry and leaves no temporary files', () => {
    const dir = tempDir();
    const cache = createParseCache(dir);
    const key = cacheKey('b: 1', 'test');
    writeFileSync(join(dir, `${key}.json`), `{"key":"${key}","value":{"b":`);
    expect(cache.get(key)).toBeUndefined();
    writeFileSync(join(dir, `${key}.json`), JSON.stringify({ key: 'another', value: { b: 9 } }));
    expect(cache.get(key)).toBeUndefined();
    cache.set(key, { b: 1 });
    expect(cache.get(key)).toEqual({ b: 1 });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('does not store values JSON cannot carry exactly', () => {
    const dir = tempDir();
    const cache = createParseCache(dir);
    const shared = { x: 1 };
    cache.set(cacheKey('c', 'test'), { a: shared, b: shared });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is off without a directory', () => {
    const cache = createParseCache(undefined);
    cache.set('k', { a: 1 });
    expect(cache.get('k')).toBeUndefined();
  });

  it('honours MISTRAL_CONFORMANCE_CACHE=off and MISTRAL_CONFORMANCE_CACHE_DIR', () => {
    expect(defaultCacheDir({ MISTRAL_CONFORMANCE_CACHE: 'off' })).toBeUndefined();
    const dir = join(tempDir(), 'nested');
    expect(defaultCacheDir({ MISTRAL_CONFORMANCE_CACHE_DIR: dir })).toBe(dir);
    expect(defaultCacheDir({})).toBeTypeOf('string');
  });
});

describe('parseDocumentText with the cache', () => {
  it('parses YAML once, stores it, and answers the same text from the cache (fresh objects)', () => {
    const dir = tempDir();
    const cache = createParseCache(dir);
    const text = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\nlist: [1, 2]\n';
    const first = parseDocumentText(text, 'x.yaml', cache);
    expect(first).toEqual({ openapi: '3.1.0', info: { title: 't', version: '1' }, list: [1, 2] });
    expect(cache.get(yamlCacheKey(text))).toEqual(first);
    const again = parseDocumentText(text, 'x.yaml', cache);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });

  it('reads a planted entry instead of parsing, and parses again when the entry is corrupt', () => {
    const dir = tempDir();
    const cache = createParseCache(dir);
    const text = 'marker: parsed\n';
    cache.set(yamlCacheKey(text), { marker: 'from-cache' });
    expect(parseDocumentText(text, 'm.yaml', cache)).toEqual({ marker: 'from-cache' });
    writeFileSync(join(dir, `${yamlCacheKey(text)}.json`), 'not json');
    expect(parseDocumentText(text, 'm.yaml', cache)).toEqual({ marker: 'parsed' });
  });

  it('keeps YAML with shared alias nodes out of the cache, and still reports parse errors', () => {
    const dir = tempDir();
    const cache = createParseCache(dir);
    expect(parseDocumentText('a: &x {k: 1}\nb: *x\n', 'alias.yaml', cache)).toEqual({ a: { k: 1 }, b: { k: 1 } });
    expect(readdirSync(dir)).toEqual([]);
    expect(() => parseDocumentText('a: [1, 2\n', 'bad.yaml', cache)).toThrow(/cannot parse bad.yaml/);
  });

  it('parses JSON directly, without the cache', () => {
    const dir = tempDir();
    expect(parseDocumentText('{"a": 1}', 'x.json', createParseCache(dir))).toEqual({ a: 1 });
    expect(readdirSync(dir)).toEqual([]);
  });
});
