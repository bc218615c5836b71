// Multipart bodies are encoded by the platform's FormData (boundary included), like fetch did.

export async function encodeBody(init: {
  headers: Record<string, string>;
  body?: string | FormData;
}): Promise<{ headers: Record<string, string>; body?: string | Uint8Array }> {
  // Text first: reading the global FormData loads undici (~15 ms) in a run that may never need it.
  if (init.body === undefined || typeof init.body === 'string' || !(init.body instanceof FormData))
    return init as { headers: Record<string, string>; body?: string };
  const encoded = new Response(init.body);
  const headers = { ...init.headers };
  // A caller's own content-type wins (negative cases), as with fetch.
  if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type'))
    headers['content-type'] = encoded.headers.get('content-type') ?? 'multipart/form-data';
  return { headers, body: new Uint8Array(await encoded.arrayBuffer()) };
}
