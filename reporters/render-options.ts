// Options every renderer takes, and the redaction they share. Reporters are the last line of defence:
// the transport already redacts credentials, but a report is published (PR comments, CI artefacts),
// so every string is passed through `redact` and credential-like option keys are dropped.

import { createRedactor, REDACTED, type Redactor } from '../suites/engine/secrets/redactor.js';

export interface RenderOptions {
  /** Values that must never appear in any output (the API key, tokens). */
  secrets?: string[];
}

export { REDACTED };

// Reports redact every string of every event with the same few secrets: one redactor per list.
const redactors = new Map<string, Redactor>();

function redactorFor(secrets: readonly string[]): Redactor {
  const key = secrets.join('\u0000');
  let r = redactors.get(key);
  if (!r) {
    if (redactors.size >= 8) redactors.clear();
    r = createRedactor(secrets);
    redactors.set(key, r);
  }
  return r;
}

/** Replaces every secret in `text`, in any form a server may have echoed it (see secrets/forms.ts). */
export function redact(text: string, secrets: readonly string[] = []): string {
  const out = secrets.length ? redactorFor(secrets).text(text) : text;
  // A credential in an Authorization-style header value, e.g. in a curl line; `$VAR` references stay
  // because they are what makes a reproduction runnable without leaking the key.
  // Never the word Bearer itself, nor `$VAR` / `[REDACTED]` placeholders.
  // Without a colon the pattern cannot match: most strings (keys, ids, words) skip the scan.
  if (!out.includes(':')) return out;
  return out.replace(
    /((?:authorization|x-api-key|api-key)\s*:\s*(?:(?:bearer|basic)\s+)?)(?!(?:bearer|basic)\s)(?![$[])[^\s'"\\]+/gi,
    (_m, head: string) => `${head}${REDACTED}`,
  );
}

/** Option and header keys whose values are credentials (compared lower-case, without `-` and `_`). */
const SENSITIVE_KEY = /(apikey$|secret|password|passwd|authorization|credentials?$|cookie|bearer|accesstoken|authtoken|refreshtoken|^token$|privatekey)/;

// Reports ask this of every key of every event; the same few hundred keys come back again and again.
const sensitiveKeys = new Map<string, boolean>();
const MAX_REMEMBERED_KEYS = 10_000;

export function isSensitiveKey(key: string): boolean {
  let sensitive = sensitiveKeys.get(key);
  if (sensitive === undefined) {
    sensitive = SENSITIVE_KEY.test(key.toLowerCase().replace(/[-_]/g, ''));
    // Bounded: bodies with generated keys must not grow it without end.
    if (sensitiveKeys.size >= MAX_REMEMBERED_KEYS) sensitiveKeys.clear();
    sensitiveKeys.set(key, sensitive);
  }
  return sensitive;
}

/** String values held under sensitive keys anywhere in `value`: they are secrets too. */
export function collectSecrets(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) collectSecrets(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (isSensitiveKey(k) && typeof v === 'string') {
        out.add(v);
        // `Bearer sk-...`: the token alone is the secret.
        const m = /^(?:bearer|basic)\s+(.+)$/i.exec(v);
        if (m?.[1]) out.add(m[1]);
      } else collectSecrets(v, out);
    }
  }
  return out;
}
