// Our NDJSON form: one exchange a line, in the shape the recorded real responses use:
// {method, path | url, status, headers?, request_headers?, request_body?, body? | body_text?}.
// `body` is parsed JSON (re-serialised here); `body_text` raw text (streams, downloads).
import { MAX_JSON_DEPTH, parseJsonBounded } from '../../openapi/json-depth.js';
import { isObject } from '../../openapi/is-object.js';
import { lowerKeys, type RecordedExchange } from './recorded-exchange.js';
import { RecordingFormatError } from './read-har.js';

export function recordToExchange(value: unknown, source: string): RecordedExchange {
  if (!isObject(value)) throw new RecordingFormatError(`${source}: not a JSON object`);
  const method = value.method;
  const url = value.url ?? value.path;
  if (typeof method !== 'string' || typeof url !== 'string') throw new RecordingFormatError(`${source}: needs "method" and "path" (or "url")`);
  if (typeof value.status !== 'number') throw new RecordingFormatError(`${source}: needs a numeric "status"`);
  const responseHeaders = lowerKeys(isObject(value.headers) ? value.headers : {});
  let responseBody = '';
  if (typeof value.body_text === 'string') responseBody = value.body_text;
  else if ('body' in value && value.body !== undefined) responseBody = JSON.stringify(value.body);
  // Recordings without headers: a JSON body was JSON on the wire.
  if (!responseHeaders['content-type'] && 'body' in value && value.body !== null && value.body !== undefined)
    responseHeaders['content-type'] = 'application/json';
  const rec: RecordedExchange = {
    method: method.toUpperCase(),
    url,
    requestHeaders: lowerKeys(isObject(value.request_headers) ? value.request_headers : {}),
    status: value.status,
    responseHeaders,
    responseBody,
    source,
  };
  if (value.request_body !== undefined && value.request_body !== null) {
    rec.requestBody = typeof value.request_body === 'string' ? value.request_body : JSON.stringify(value.request_body);
  }
  return rec;
}

export function readNdjson(text: string, source: string): RecordedExchange[] {
  const out: RecordedExchange[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      // The exchange wraps the body a few levels deep; deeper than that it could not be judged anyway.
      value = parseJsonBounded(line, MAX_JSON_DEPTH + 8);
    } catch (err) {
      throw new RecordingFormatError(`${source}:${i + 1}: not JSON (${(err as Error).message})`);
    }
    out.push(recordToExchange(value, `${source}:${i + 1}`));
  });
  return out;
}
