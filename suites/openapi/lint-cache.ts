// Lint findings cached on disk: linting compiles a validator for every example and default of the
// document (twice: as published and as corrected), ~250-450 ms per run for the pinned spec, and its
// result only depends on the documents and on the lint code. The key covers the loaded documents, the
// applied errata and a fingerprint of the code (size and mtime of the files that lint, and Ajv's version).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintSpec, type LintFinding } from './lint.js';
import type { LoadedSpec } from './load-spec.js';
import { cacheKey, parseCache, type ParseCache } from './parse-cache.js';

let fingerprint: string | undefined;

/** Changes whenever a file of specs/lib (lint rules included) or the validator package changes. */
export function lintCodeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const here = dirname(fileURLToPath(import.meta.url));
  const parts: string[] = [];
  for (const dir of [here, join(here, 'lint-rules')]) {
    for (const name of readdirSync(dir).sort()) {
      const st = statSync(join(dir, name));
      if (st.isFile()) parts.push(`${name}:${st.size}:${st.mtimeMs}`);
    }
  }
  try {
    const require = createRequire(import.meta.url);
    for (const pkg of ['ajv', 'ajv-formats'])
      parts.push(`${pkg}@${(JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version?: string }).version}`);
  } catch {
    parts.push('validators:unknown');
  }
  return (fingerprint = createHash('sha256').update(parts.join('\n')).digest('hex'));
}

function isFindingList(v: unknown): v is LintFinding[] {
  return (
    Array.isArray(v) &&
    v.every(
      (f) =>
        typeof f === 'object' &&
        f !== null &&
        typeof (f as LintFinding).rule === 'string' &&
        typeof (f as LintFinding).pointer === 'string' &&
        typeof (f as LintFinding).message === 'string',
    )
  );
}

/** `lintSpec`, answered from the cache when the same documents were linted by the same code before. */
export function lintSpecCached(spec: LoadedSpec, cache: ParseCache = parseCache()): LintFinding[] {
  let key: string;
  try {
    key = cacheKey(JSON.stringify([spec.literal, spec.document, spec.errata, spec.normalisations]), `lint ${lintCodeFingerprint()}`);
  } catch {
    // A document JSON cannot carry (cycles after bundling): lint without the cache.
    return lintSpec(spec);
  }
  const hit = cache.get(key);
  if (isFindingList(hit)) return hit;
  const findings = lintSpec(spec);
  cache.set(key, findings);
  return findings;
}
