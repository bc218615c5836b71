// A response body as an exchange keeps it: its text (redacted, bounded for reports), its JSON when it
// is complete and parses, the raw bytes when asked, and whether the API key sent came back in it.
import { parseJsonBounded } from '../../openapi/json-depth.js';
import { clip, moreCharacters } from '../clip.js';
import type { ExchangeResponse } from '../types.js';
import { oneLine } from './classify-error.js';
import type { Redactor } from '../secrets/redactor.js';

const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\b|^text\/json\b/i;

/** UTF-16 length of a UTF-8 text: every byte that starts a character, twice for 4-byte ones. */
function utf16Length(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b & 0xc0) !== 0x80) n += b >= 0xf0 ? 2 : 1;
  }
  return n;
}

export interface ReadBody {
  data: Uint8Array;
  /** Bytes the body had (more than `data` holds when cut off). */
  total: number;
  /** Cut off at the size cap. */
  truncated: boolean;
  /** Read to its end (the connection did not break). */
  complete: boolean;
}

/** Fills the response's body fields from the bytes read: the text the report keeps, the JSON, where the key came back. */
export function fillBody(
  response: ExchangeResponse,
  { data, total, truncated, complete }: ReadBody,
  keepRaw: boolean,
  s: { redactor: Redactor; bodyLimit: number },
): void {
  response.bytes = total;
  response.truncated = truncated;
  if (keepRaw) response.raw = s.redactor.bytes(data);
  const declaredJson = JSON_TYPE.test(response.contentType);
  // Only a complete body that may be JSON is decoded whole (to parse it); of any other only the head
  // the report keeps is decoded: a body cut off at a 16 MiB cap must not become a 32 MB string.
  const headBytes = (s.bodyLimit + 1024) * 4;
  const start = new TextDecoder().decode(data.subarray(0, 64)).trimStart();
  const looksJson = start.startsWith('{') || start.startsWith('[') || (start === '' && data.byteLength > 64);
  const whole = data.byteLength <= headBytes || (complete && !truncated && (declaredJson || looksJson));
  if (!whole) {
    // The secret is searched in the bytes, all of them; the head is redacted before it is cut.
    if (s.redactor.hasBytes(data)) (response.reflectedSecret ??= []).push('body');
    const head = s.redactor.text(new TextDecoder().decode(data.subarray(0, headBytes)));
    const length = head.length + utf16Length(data.subarray(headBytes));
    response.bodyText = length > s.bodyLimit ? `${head.slice(0, s.bodyLimit)}… [${length - s.bodyLimit} more characters]` : head;
    if (declaredJson) response.jsonError = truncated ? 'body cut off at the size cap' : 'body incomplete: the connection broke';
    return;
  }
  const decoded = new TextDecoder().decode(data);
  if (s.redactor.has(decoded)) (response.reflectedSecret ??= []).push('body');
  const text = s.redactor.text(decoded);
  response.bodyText = clip(text, s.bodyLimit, moreCharacters);
  const trimmed = text.trimStart();
  if (!declaredJson && !trimmed.startsWith('{') && !trimmed.startsWith('[')) return;
  if (truncated || !complete) {
    if (declaredJson) response.jsonError = truncated ? 'body cut off at the size cap' : 'body incomplete: the connection broke';
    return;
  }
  if (trimmed === '') {
    // No content is the documented answer of 204/304; elsewhere a JSON content type promised a body.
    if (response.status !== 204 && response.status !== 304) response.jsonError = 'empty body';
    return;
  }
  try {
    // Parsed from the redacted text: an echoed key never reaches the checks' JSON either. Nesting
    // past the depth limit is left unparsed (a finding of the schema check, not a stack overflow).
    response.json = parseJsonBounded(text);
  } catch (err) {
    response.jsonError = oneLine(err instanceof Error ? err.message : String(err), 200);
  }
}
