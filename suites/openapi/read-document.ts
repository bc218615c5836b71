// Reads an OpenAPI document from a file path or an http(s) URL, as YAML or JSON.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { cacheKey, parseCache, type ParseCache } from './parse-cache.js';

export interface ReadDocument {
  source: string;
  text: string;
  sha256: string;
  value: unknown;
}

export class SpecReadError extends Error {
  override name = 'SpecReadError';
}

export function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

export async function readText(location: string): Promise<string> {
  if (isUrl(location)) {
    let res: Response;
    try {
      res = await fetch(location, { signal: AbortSignal.timeout(30_000) });
    } catch (err) {
      throw new SpecReadError(`cannot fetch ${location}: ${(err as Error).message}`);
    }
    if (!res.ok) throw new SpecReadError(`cannot fetch ${location}: HTTP ${res.status}`);
    return res.text();
  }
  try {
    return await readFile(resolve(location), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new SpecReadError(`cannot read ${location}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}

const YAML_OPTIONS = { maxAliasCount: -1, merge: true } as const;
type YamlParse = (text: string, options: typeof YAML_OPTIONS) => unknown;
let yamlParse: YamlParse | undefined;

/** Loaded on first use: a start-up that finds its document in the parse cache never needs it. */
function parseYaml(text: string): unknown {
  yamlParse ??= (createRequire(import.meta.url)('yaml') as { parse: YamlParse }).parse;
  return yamlParse(text, YAML_OPTIONS);
}

/** The cache key of a YAML text: its sha256 with the parser's version and options. */
export function yamlCacheKey(text: string): string {
  return cacheKey(text, `yaml@${yamlVersion()} ${JSON.stringify(YAML_OPTIONS)}`);
}

function parseYamlCached(text: string, cache: ParseCache): unknown {
  const key = yamlCacheKey(text);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = parseYaml(text);
  cache.set(key, value);
  return value;
}

let version: string | undefined;
function yamlVersion(): string {
  if (version === undefined) {
    try {
      const require = createRequire(import.meta.url);
      version = String((JSON.parse(readFileSync(require.resolve('yaml/package.json'), 'utf8')) as { version?: unknown }).version);
    } catch {
      version = 'unknown';
    }
  }
  return version;
}

/** JSON is YAML, but JSON.parse is much faster and gives better messages for JSON files. */
export function parseDocumentText(text: string, source: string, cache: ParseCache = parseCache()): unknown {
  const trimmed = text.trimStart();
  try {
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) return JSON.parse(text);
    return parseYamlCached(text, cache);
  } catch (err) {
    const msg = (err as Error).message.split('\n')[0];
    throw new SpecReadError(`cannot parse ${source}: ${msg}`);
  }
}

export async function readDocument(location: string): Promise<ReadDocument> {
  const text = await readText(location);
  const value = parseDocumentText(text, location);
  return { source: location, text, sha256: createHash('sha256').update(text).digest('hex'), value };
}
