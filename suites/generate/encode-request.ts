// Typed request values → the wire request (`RequestSpec`) the transport sends.
import type { RequestBody, RequestSpec } from './request-types.js';
import type { Operation } from '../openapi/model.js';
import { baseMediaType } from '../openapi/model.js';
import { documentsEventStream, isJsonMediaType } from './body-media.js';
import { multipartParts } from './multipart-body.js';
import { encodeHeaderParameter, encodePathParameter, encodeQueryParameter } from './parameter-encoding.js';
import type { RequestValues } from './request-values.js';

function encodeBody(document: Record<string, unknown>, op: Operation, values: RequestValues): RequestBody | undefined {
  if (values.body === undefined || !values.mediaType) return undefined;
  const media = op.requestBody?.content.find((m) => m.mediaType === values.mediaType);
  const base = baseMediaType(values.mediaType);
  if (isJsonMediaType(values.mediaType)) return { kind: 'json', value: values.body };
  if (base === 'multipart/form-data' && media) return { kind: 'multipart', parts: multipartParts(document, media, values.body) };
  if (base === 'application/x-www-form-urlencoded' && values.body !== null && typeof values.body === 'object') {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(values.body as Record<string, unknown>))
      if (v !== undefined && v !== null) form.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
    return { kind: 'raw', text: form.toString(), contentType: values.mediaType };
  }
  return { kind: 'raw', text: typeof values.body === 'string' ? values.body : JSON.stringify(values.body), contentType: values.mediaType };
}

export function encodeRequest(document: Record<string, unknown>, op: Operation, values: RequestValues): RequestSpec {
  const byName = (where: string, name: string) => op.parameters.find((p) => p.in === where && p.name === name);
  const path = op.path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const p = byName('path', name);
    const value = values.path[name];
    return p && value !== undefined ? encodePathParameter(p, value) : whole;
  });
  const query: Array<[string, string]> = [];
  for (const p of op.parameters) if (p.in === 'query') query.push(...encodeQueryParameter(p, values.query[p.name]));
  const headers: Record<string, string> = {};
  for (const p of op.parameters) {
    const v = values.header[p.name];
    if (p.in === 'header' && v !== undefined && v !== null) headers[p.name] = encodeHeaderParameter(v);
  }
  const cookies = op.parameters.filter((p) => p.in === 'cookie' && values.cookie[p.name] !== undefined && values.cookie[p.name] !== null);
  if (cookies.length) headers.cookie = cookies.map((p) => `${p.name}=${encodeURIComponent(encodeHeaderParameter(values.cookie[p.name]))}`).join('; ');
  const request: RequestSpec = { method: op.method.toUpperCase(), path, query, headers, auth: { kind: 'default' } };
  const body = encodeBody(document, op, values);
  if (body) request.body = body;
  const b = values.body as { stream?: unknown } | undefined;
  if (body?.kind === 'json' && b !== null && typeof b === 'object' && b.stream === true && documentsEventStream(op)) request.stream = true;
  return request;
}
