// HAR 1.2 as browsers and proxies export it: log.entries[].request/response, bodies in
// postData.text and content.text (base64 when content.encoding says so).
import { isObject } from '../../openapi/is-object.js';
import type { RecordedExchange } from './recorded-exchange.js';

type Obj = Record<string, unknown>;

function headerList(list: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(list)) for (const h of list) if (isObject(h) && typeof h.name === 'string') out[h.name.toLowerCase()] = String(h.value ?? '');
  return out;
}

export class RecordingFormatError extends Error {
  override name = 'RecordingFormatError';
}

export function readHar(value: unknown, source: string): RecordedExchange[] {
  const log = isObject(value) && isObject(value.log) ? value.log : undefined;
  if (!log || !Array.isArray(log.entries)) throw new RecordingFormatError(`${source} is not a HAR file (no log.entries)`);
  return log.entries.map((raw, i) => {
    const e = isObject(raw) ? raw : {};
    const req = (isObject(e.request) ? e.request : {}) as Obj;
    const res = (isObject(e.response) ? e.response : {}) as Obj;
    if (typeof req.method !== 'string' || typeof req.url !== 'string')
      throw new RecordingFormatError(`${source}: log.entries[${i}].request needs method and url`);
    if (typeof res.status !== 'number') throw new RecordingFormatError(`${source}: log.entries[${i}].response needs a numeric status`);
    const content = isObject(res.content) ? res.content : {};
    let body = typeof content.text === 'string' ? content.text : '';
    if (content.encoding === 'base64') body = Buffer.from(body, 'base64').toString('utf8');
    const responseHeaders = headerList(res.headers);
    if (!responseHeaders['content-type'] && typeof content.mimeType === 'string') responseHeaders['content-type'] = content.mimeType;
    const post = isObject(req.postData) ? req.postData : undefined;
    const rec: RecordedExchange = {
      method: req.method.toUpperCase(),
      url: req.url,
      requestHeaders: headerList(req.headers),
      status: res.status,
      responseHeaders,
      responseBody: body,
      source: `${source}#${i}`,
    };
    if (post && typeof post.text === 'string') rec.requestBody = post.text;
    if (typeof e.startedDateTime === 'string') rec.startedAt = e.startedDateTime;
    if (typeof e.time === 'number') rec.durationMs = e.time;
    return rec;
  });
}
