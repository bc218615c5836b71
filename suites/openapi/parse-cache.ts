// A disk cache of parsed YAML documents, keyed by the sha256 of their text: parsing the pinned spec
// with `yaml` costs 200-300 ms on every start, reading its JSON twin ~2 ms. Entries are written to a
// temporary file and renamed into place (atomic: concurrent writers and crashes never leave half a
// file), and a read that does not parse or does not name the expected key is ignored. Values that
// JSON cannot carry exactly (shared alias nodes, non-finite numbers, dates) are never cached.
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from './paths.js';

/** Bump when the parser's options or the entry's shape change: old entries then simply miss. */
const FORMAT = 1;

export interface ParseCache {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export function cacheKey(text: string, parser: string): string {
  return createHash('sha256').update(`${FORMAT}\u0000${parser}\u0000`).update(text).digest('hex');
}

/** Plain JSON data only, every object reached once: then JSON gives back exactly the same value. */
export function isJsonTree(value: unknown, seen = new Set<object>()): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object') return false;
  if (seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) return value.every((v) => isJsonTree(v, seen));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.entries(value).every(([k, v]) => k !== '__proto__' && isJsonTree(v, seen));
}

/** A directory only this user can write, or undefined when none is usable (the cache is then off). */
function usableDir(dir: string, privateDir: boolean): string | undefined {
  try {
    mkdirSync(dir, { recursive: true, ...(privateDir ? { mode: 0o700 } : {}) });
    const st = lstatSync(dir);
    if (!st.isDirectory()) return undefined;
    // In a shared temporary directory, someone else's (or a world-writable) directory could feed us a
    // different document under the right name.
    if (privateDir && ((typeof process.getuid === 'function' && st.uid !== process.getuid()) || (st.mode & 0o022) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * `MISTRAL_CONFORMANCE_CACHE=off` turns the cache off; `MISTRAL_CONFORMANCE_CACHE_DIR` chooses its
 * directory. Default: node_modules/.cache/mistral-conformance in the package, else a private
 * directory in the system's temporary directory.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (/^(off|0|false|no)$/i.test(env.MISTRAL_CONFORMANCE_CACHE ?? '')) return undefined;
  if (env.MISTRAL_CONFORMANCE_CACHE_DIR) return usableDir(env.MISTRAL_CONFORMANCE_CACHE_DIR, false);
  let user = 'user';
  try {
    user = String(process.getuid?.() ?? userInfo().username);
  } catch {
    // No user name (unusual containers): one shared name, still checked for ownership.
  }
  return (
    usableDir(join(packageRoot(), 'node_modules', '.cache', 'mistral-conformance'), false) ??
    usableDir(join(tmpdir(), `mistral-conformance-cache-${user}`), true)
  );
}

export function createParseCache(dir: string | undefined): ParseCache {
  const file = (key: string): string => join(dir!, `${key}.json`);
  return {
    get(key) {
      if (!dir) return undefined;
      try {
        const entry = JSON.parse(readFileSync(file(key), 'utf8')) as { key?: unknown; value?: unknown };
        return entry.key === key ? entry.value : undefined;
      } catch {
        // Missing, unreadable or corrupt: parse again (and rewrite it).
        return undefined;
      }
    },
    set(key, value) {
      if (!dir || !isJsonTree(value)) return;
      const tmp = `${file(key)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        writeFileSync(tmp, JSON.stringify({ key, value }), { mode: 0o600 });
        renameSync(tmp, file(key));
      } catch {
        // A cache that cannot be written only costs time.
        try {
          rmSync(tmp, { force: true });
        } catch {
          // Nothing more to do.
        }
      }
    },
  };
}

let shared: ParseCache | undefined;

/** The process's cache (directory resolved once). */
export function parseCache(): ParseCache {
  return (shared ??= createParseCache(defaultCacheDir()));
}
