// Turns a RequestSpec into what fetch sends (URL, headers, body) and into the record an Exchange keeps
// of it (credentials redacted, body text truncated, multipart described rather than dumped).
import { clip, moreCharacters } from '../clip.js';
import type { AuthMode, ExchangeRequest, MultipartPart, RequestSpec } from '../types.js';
import type { Redactor } from '../secrets/redactor.js';

export interface AuthHeaderConfig {
  name: string;
  /** Prefix before the key (`Bearer`); empty for headers that carry the bare key. */
  scheme?: string;
}

export const DEFAULT_AUTH_HEADER: AuthHeaderConfig = { name: 'Authorization', scheme: 'Bearer' };

/** RFC 3986 strict: fetch's URL parser would escape `'` itself, so curl and fetch would send different bytes. */
function encodeQueryPart(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Joins the base URL (which may carry a path prefix: `http://host/proxy/mistral`) with the request path and query. */
export function buildUrl(baseUrl: string, path: string, query: Array<[string, string]>): string {
  const base = baseUrl.replace(/\/+$/, '');
  const p = path.startsWith('/') ? path : `/${path}`;
  let url = base + p;
  if (query.length) {
    const qs = query.map(([k, v]) => `${encodeQueryPart(k)}=${encodeQueryPart(v)}`).join('&');
    url += (url.includes('?') ? '&' : '?') + qs;
  }
  return url;
}

/** The credential header value for an auth mode, or undefined when the request sends none. */
export function authHeaderValue(auth: AuthMode, apiKey: string | undefined, header: AuthHeaderConfig): string | undefined {
  const raw = auth.kind === 'none' ? undefined : auth.kind === 'invalid' ? auth.value : apiKey;
  if (raw === undefined) return undefined;
  return header.scheme ? `${header.scheme} ${raw}` : raw;
}

export interface BuiltRequest {
  url: string;
  init: { method: string; headers: Record<string, string>; body?: string | FormData };
  record: ExchangeRequest;
}

export interface BuildOptions {
  baseUrl: string;
  apiKey?: string;
  authHeader: AuthHeaderConfig;
  extraHeaders: Record<string, string>;
  /** Names of extra headers whose values are secrets (recorded blanked, like the auth header). */
  secretHeaderNames?: readonly string[];
  userAgent: string;
  redactor: Redactor;
  bodyLimit: number;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.keys(headers).some((k) => k.toLowerCase() === lower);
}

function describePart(p: MultipartPart, redact: (text: string) => string): string {
  // Redacted before it is cut, like every text recorded.
  if (p.filename === undefined && typeof p.value === 'string') return `${p.name}=${clip(redact(p.value), 200, moreCharacters)}`;
  const size = typeof p.value === 'string' ? Buffer.byteLength(p.value) : p.value.byteLength;
  return `${p.name}=@${p.filename ?? '(no filename)'} (${size} bytes${p.contentType ? `, ${p.contentType}` : ''})`;
}

function toFormData(parts: MultipartPart[]): FormData {
  const form = new FormData();
  for (const p of parts) {
    if (p.filename === undefined && typeof p.value === 'string' && p.contentType === undefined) {
      form.append(p.name, p.value);
    } else {
      // A copy: Blob wants bytes backed by a plain ArrayBuffer, a view may sit on a shared one.
      const blob = new Blob([typeof p.value === 'string' ? p.value : Uint8Array.from(p.value)], p.contentType ? { type: p.contentType } : {});
      form.append(p.name, blob, p.filename ?? 'blob');
    }
  }
  return form;
}

export function buildRequest(req: RequestSpec, o: BuildOptions): BuiltRequest {
  const url = buildUrl(o.baseUrl, req.path, req.query);
  const headers: Record<string, string> = {
    'user-agent': o.userAgent,
    accept: req.stream ? 'text/event-stream, application/json' : 'application/json, */*;q=0.5',
  };
  for (const [k, v] of Object.entries(o.extraHeaders)) {
    // Credentials configured as a plain extra header still obey the case's AuthMode (none/invalid).
    if (req.auth.kind !== 'default' && k.toLowerCase() === o.authHeader.name.toLowerCase()) continue;
    headers[k] = v;
  }
  const auth = authHeaderValue(req.auth, o.apiKey, o.authHeader);
  if (auth !== undefined) headers[o.authHeader.name] = auth;

  let body: string | FormData | undefined;
  let bodyText: string | undefined;
  let json: unknown;
  let hasJson = false;
  const b = req.body;
  if (b?.kind === 'json') {
    body = JSON.stringify(b.value) ?? 'null';
    json = b.value;
    hasJson = true;
    bodyText = body;
    if (!hasHeader(req.headers, 'content-type')) headers['content-type'] = 'application/json';
  } else if (b?.kind === 'raw') {
    body = b.text;
    bodyText = b.text;
    if (!hasHeader(req.headers, 'content-type')) headers['content-type'] = b.contentType;
  } else if (b?.kind === 'multipart') {
    // fetch writes the boundary into content-type itself; a caller's own content-type wins (negative cases).
    body = toFormData(b.parts);
    bodyText = `multipart/form-data: ${b.parts.map((p) => describePart(p, o.redactor.text)).join('; ')}`;
  }
  // Request headers come last so negative cases can override anything, but never the credentials
  // (those only come from AuthMode, so they are always known and redacted).
  for (const [k, v] of Object.entries(req.headers)) {
    if (k.toLowerCase() === o.authHeader.name.toLowerCase()) continue;
    for (const existing of Object.keys(headers)) if (existing.toLowerCase() === k.toLowerCase()) delete headers[existing];
    headers[k] = v;
  }

  const init: BuiltRequest['init'] = { method: req.method.toUpperCase(), headers };
  if (body !== undefined) init.body = body;
  const recordHeaders = o.redactor.headers(headers, [o.authHeader.name, ...(o.secretHeaderNames ?? [])]);
  if (b?.kind === 'multipart' && !hasHeader(req.headers, 'content-type')) recordHeaders['content-type'] = 'multipart/form-data; boundary=(set by the client)';
  const record: ExchangeRequest = { method: init.method, url: o.redactor.text(url), headers: recordHeaders };
  // Redacted whole, then cut: a secret across the cut would otherwise leave its first characters.
  if (bodyText !== undefined) record.bodyText = clip(o.redactor.text(bodyText), o.bodyLimit, moreCharacters);
  if (hasJson) record.json = o.redactor.value(json);
  return { url, init, record };
}
