// Reads an OpenAPI document from a file path or an http(s) URL, as YAML or JSON.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { MAX_SPEC_DEPTH, parseJsonBounded, valueDeeperThan } from './json-depth.js';
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

/** How much reading one spec (its document, overlays and every document its `$ref`s name) may cost. */
export interface ReadLimits {
  /**
   * Bytes a spec may hold, all its documents together. Default 4 MiB: the Mistral specs are under
   * 1 MiB, and YAML parses at 0.2-2 MB/s (a 9 MB spec of many small schemas took 70 s and 1 GB).
   */
  maxBytes: number;
  /** Per remote document, headers and body together. */
  timeoutMs: number;
  /** Redirects are followed for a URL the user gave, never for one a document names. */
  followRedirects: boolean;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxBytes: 4 * 1024 * 1024, timeoutMs: 30_000, followRedirects: true };

function mib(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / (1024 * 1024)) * 10) / 10} MiB` : `${Math.round(n / 1024)} KiB`;
}

function tooLarge(location: string, limits: ReadLimits): SpecReadError {
  return new SpecReadError(
    `[mistral-conformance] Failed to read spec: ${location} is larger than the ${mib(limits.maxBytes)} left under the cap on spec size (all its documents together). Check that it is an OpenAPI document, or raise --max-spec-bytes`,
  );
}

async function fetchText(location: string, limits: ReadLimits): Promise<string> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let res: Response;
  try {
    res = await fetch(location, { signal, redirect: limits.followRedirects ? 'follow' : 'manual' });
  } catch (err) {
    throw new SpecReadError(`cannot fetch ${location}: ${(err as Error).message}`);
  }
  if (res.status >= 300 && res.status < 400) {
    await res.body?.cancel();
    throw new SpecReadError(
      `[mistral-conformance] Failed to read spec: ${location} answered ${res.status} (a redirect to ${res.headers.get('location') ?? 'nowhere'}), and redirects named by a document are not followed. Refer to the final URL`,
    );
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new SpecReadError(`cannot fetch ${location}: HTTP ${res.status}`);
  }
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (declared > limits.maxBytes) {
    await res.body?.cancel();
    throw tooLarge(location, limits);
  }
  // Counted as it arrives (after decompression): neither a lying Content-Length nor a gzip bomb
  // gets more than the cap into memory.
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of res.body ?? []) {
      total += chunk.byteLength;
      // Leaving the loop cancels the stream: the rest is never read.
      if (total > limits.maxBytes) throw tooLarge(location, limits);
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof SpecReadError) throw err;
    throw new SpecReadError(`cannot fetch ${location}: ${signal.aborted ? `no complete answer within ${limits.timeoutMs} ms` : (err as Error).message}`);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readText(location: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<string> {
  if (isUrl(location)) return fetchText(location, limits);
  try {
    const path = resolve(location);
    // Checked before reading: a 5 GB file never reaches memory.
    if ((await stat(path)).size > limits.maxBytes) throw tooLarge(location, limits);
    return await readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof SpecReadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new SpecReadError(`cannot read ${location}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}

// A bounded alias count: a billion-laughs document of a few hundred bytes otherwise expands to
// gigabytes. yaml counts alias uses weighted by what they expand to; real specs use few or none.
const YAML_OPTIONS = { maxAliasCount: 1000, merge: true } as const;
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
  let value: unknown;
  try {
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) value = parseJsonBounded(text, MAX_SPEC_DEPTH);
    else value = parseYamlCached(text, cache);
  } catch (err) {
    throw new SpecReadError(`cannot parse ${source}: ${parseFailure(err)}`);
  }
  // Every later step (bundling, normalising, compiling validators, generating) walks the document
  // recursively: a depth that cannot be real is refused here, once.
  if (valueDeeperThan(value, MAX_SPEC_DEPTH))
    throw new SpecReadError(`cannot parse ${source}: it nests deeper than ${MAX_SPEC_DEPTH} levels (no real spec does)`);
  return value;
}

function parseFailure(err: unknown): string {
  const message = (err as Error).message.split('\n')[0] ?? '';
  if (err instanceof RangeError || /call stack/i.test(message)) return `it nests too deeply to parse (${message.replace(/:$/, '')})`;
  if (/alias count/i.test(message)) return `its YAML aliases expand too much (more than ${YAML_OPTIONS.maxAliasCount} uses: a resource exhaustion attack?)`;
  return message;
}

export async function readDocument(location: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<ReadDocument> {
  const text = await readText(location, limits);
  const value = parseDocumentText(text, location);
  return { source: location, text, sha256: createHash('sha256').update(text).digest('hex'), value };
}
