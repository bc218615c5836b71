// A deliberately tiny `send` for tests: RequestSpec → fetch → Exchange (the real transport lives in
// suites/engine/transport). Keeps the raw bytes when the step asks for them.
import type { CaseStep, Exchange, RequestSpec } from '../../../engine/types.js';

export function fetchSend(baseUrl: string, apiKey = 'test-key') {
  return async (request: RequestSpec, step?: Pick<CaseStep, 'keepRawBody'>): Promise<Exchange> => {
    const url = new URL(baseUrl + request.path);
    for (const [k, v] of request.query) url.searchParams.append(k, v);
    const headers: Record<string, string> = { ...request.headers };
    if (request.auth.kind === 'default') headers.authorization = `Bearer ${apiKey}`;
    let body: BodyInit | undefined;
    if (request.body?.kind === 'json') {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.body.value);
    } else if (request.body?.kind === 'raw') {
      headers['content-type'] = request.body.contentType;
      body = request.body.text;
    } else if (request.body?.kind === 'multipart') {
      const form = new FormData();
      for (const p of request.body.parts) {
        if (p.filename !== undefined)
          form.append(
            p.name,
            new Blob([typeof p.value === 'string' ? p.value : new Uint8Array(p.value)], p.contentType ? { type: p.contentType } : {}),
            p.filename,
          );
        else form.append(p.name, typeof p.value === 'string' ? p.value : new TextDecoder().decode(p.value));
      }
      body = form;
    }
    const init: RequestInit = { method: request.method, headers };
    if (body !== undefined) init.body = body;
    const res = await fetch(url, init);
    const raw = new Uint8Array(await res.arrayBuffer());
    const bodyText = new TextDecoder().decode(raw);
    const contentType = res.headers.get('content-type') ?? '';
    const exchange: Exchange = {
      request: {
        method: request.method,
        url: url.toString(),
        headers: { ...headers, ...(headers.authorization ? { authorization: 'Bearer [REDACTED]' } : {}) },
      },
      response: { status: res.status, headers: responseHeaders(res.headers), contentType, bodyText, bytes: raw.length, truncated: false },
      timing: { startedAt: 0, totalMs: 0 },
      retries: 0,
    };
    if (contentType.includes('json')) {
      try {
        exchange.response!.json = JSON.parse(bodyText);
      } catch (err) {
        exchange.response!.jsonError = (err as Error).message;
      }
    }
    if (step?.keepRawBody) exchange.response!.raw = raw;
    return exchange;
  };
}

function responseHeaders(h: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  h.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}
