// Makes results safe to publish: a JSON-safe deep copy with credential-like option keys dropped, credential
// headers blanked, every string redacted and very long strings cut. Every renderer starts here.
import { clip } from '../suites/engine/clip.js';
import type { RunResults } from '../suites/engine/results.js';
import { collectSecrets, isSensitiveKey, redact, REDACTED, type RenderOptions } from './render-options.js';

/** Per string: report bodies are already truncated by the transport; this bounds what a report holds. */
export const MAX_STRING_CHARS = 16_384;

const CUT_MARK = /^… \[truncated \d+ chars\]$/;

/** Idempotent: a string this function already cut is kept as is, so reports rebuilt from the event log match the originals. */
export function truncate(text: string, max = MAX_STRING_CHARS): string {
  if (CUT_MARK.test(text.slice(max))) return text;
  return clip(text, max, (cut) => ` [truncated ${cut} chars]`);
}

/** The secrets to redact: those passed in plus any value the options hold under a credential-like key. */
export function secretsOf(results: Pick<RunResults, 'options'>, opts: RenderOptions = {}): string[] {
  const set = collectSecrets(results.options);
  for (const s of opts.secrets ?? []) set.add(s);
  // Longest first, so a secret that contains another is replaced whole.
  return [...set].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
}

/** A credential value blanked, keeping its scheme word (`Bearer [REDACTED]`) so readers see what was sent. */
function redactCredential(value: string): string {
  const scheme = /^(bearer|basic|token)\s+/i.exec(value)?.[1];
  return scheme ? `${scheme} ${REDACTED}` : REDACTED;
}

/**
 * Deeper than this a value is replaced by a note. Readers already refuse JSON nested past 512 levels;
 * this keeps a value built some other way (a plugin's event, a hand-made log) from overflowing the
 * stack of this walk and of every renderer after it.
 */
export const MAX_SANITIZED_DEPTH = 1024;

/** A redacted, JSON-safe copy of any value (Uint8Array, functions, bigint and undefined are dropped). */
export function sanitizeValue(value: unknown, secrets: readonly string[]): unknown {
  const seen = new WeakSet<object>();
  const walk = (v: unknown, depth = 0): unknown => {
    if (typeof v === 'string') return truncate(redact(v, secrets));
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (typeof v === 'boolean' || v === null) return v;
    if (typeof v !== 'object' || v === undefined) return undefined;
    if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return undefined;
    if (seen.has(v)) return undefined;
    if (depth >= MAX_SANITIZED_DEPTH) return `[nested deeper than ${MAX_SANITIZED_DEPTH} levels]`;
    seen.add(v);
    if (Array.isArray(v)) {
      const arr = v.map((x) => walk(x, depth + 1) ?? null);
      seen.delete(v);
      return arr;
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (isSensitiveKey(k)) {
        // Headers keep their name so a reader sees one was sent; option keys go away entirely.
        if (typeof x === 'string') out[k] = redactCredential(x);
        continue;
      }
      const w = walk(x, depth + 1);
      if (w !== undefined) out[redact(k, secrets)] = w;
    }
    seen.delete(v);
    return out;
  };
  return walk(value);
}

/** Run options without their credential-like keys: dropped whole, where other objects keep a blanked value. */
export function publicOptions(options: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options ?? {}).filter(([k]) => !isSensitiveKey(k)));
}

/** The copy of `results` every renderer reads. */
export function sanitizeResults(results: RunResults, opts: RenderOptions = {}): RunResults {
  return sanitizeValue({ ...results, options: publicOptions(results.options) }, secretsOf(results, opts)) as RunResults;
}
