// Maps what fetch (undici, or an interceptor standing in for it) throws to a transport error kind and a
// one-line message. The cause chain carries the useful part: `fetch failed` wraps `ECONNREFUSED`.
import type { TransportErrorKind } from '../types.js';

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  cause?: unknown;
}

function chain(err: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let e: unknown = err;
  for (let i = 0; i < 6 && e && typeof e === 'object'; i++) {
    out.push(e as ErrorLike);
    e = (e as ErrorLike).cause;
  }
  if (!out.length) out.push({ message: String(err) });
  return out;
}

export function oneLine(text: string, max = 300): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

export function classifyError(err: unknown): { kind: TransportErrorKind; message: string } {
  const links = chain(err);
  const code = links.map((l) => l.code).find((c): c is string => typeof c === 'string');
  const deepest = links[links.length - 1]!;
  const detail = oneLine([deepest.message, code && !deepest.message?.includes(code) ? `(${code})` : ''].filter(Boolean).join(' ') || 'unknown error');
  if (links.some((l) => l.name === 'DecompressionLimitError')) return { kind: 'too-large', message: detail };
  if (links.some((l) => l.name === 'AbortError' || l.name === 'TimeoutError')) return { kind: 'aborted', message: `request aborted: ${detail}` };
  if ((code && RESET_CODES.has(code)) || links.some((l) => /other side closed|socket hang up|terminated|reset/i.test(l.message ?? ''))) {
    return { kind: 'reset', message: `connection reset: ${detail}` };
  }
  return { kind: 'network', message: `network error: ${detail}` };
}
