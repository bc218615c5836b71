import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestSpec } from '../types.js';
import { shellQuote, toCurl } from './curl.js';
import { createTransport } from './http-client.js';
import { baseOptions, parseMultipart, startServer, type Received, type TestServer } from './test-support.js';

const run = promisify(execFile);
const KEY = 'sk-test-SECRET-0123456789';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end('{"ok":true}');
  });
});
afterAll(() => server.close());

async function viaCurl(req: RequestSpec, baseUrl = server.url): Promise<{ line: string; got: Received; stdout: string }> {
  const line = toCurl(req, baseUrl);
  const before = server.received.length;
  const { stdout } = await run('bash', ['-c', line], { env: { ...process.env, MISTRAL_API_KEY: KEY } });
  expect(server.received.length).toBe(before + 1);
  return { line, got: server.received[before]!, stdout };
}

async function viaTransport(req: RequestSpec, baseUrl = server.url): Promise<Received> {
  const t = createTransport({ ...baseOptions, baseUrl, apiKey: KEY });
  const before = server.received.length;
  const ex = await t.send(req);
  expect(ex.error).toBeUndefined();
  return server.received[before]!;
}

function baseReq(over: Partial<RequestSpec>): RequestSpec {
  return { method: 'GET', path: '/v1/models', query: [], headers: {}, auth: { kind: 'default' }, ...over };
}

describe('toCurl run with the real curl binary', () => {
  it('reproduces a JSON POST with query, headers and a path prefix; the key stays a variable', async () => {
    const req = baseReq({
      method: 'POST',
      path: '/v1/chat/completions',
      query: [['a b', "it's & more"]],
      headers: { 'X-Trace': 'q"uote $HOME `x`' },
      body: { kind: 'json', value: { model: 'm', messages: [{ role: 'user', content: 'it\'s "quoted" $PATH \\ \n é 😀' }] } },
    });
    const base = `${server.url}/proxy/mistral`;
    const { line, got } = await viaCurl(req, base);
    const ref = await viaTransport(req, base);
    expect(line).not.toContain(KEY);
    expect(line).toContain('$MISTRAL_API_KEY');
    expect(got.method).toBe('POST');
    expect(got.url).toBe(ref.url);
    expect(got.url.startsWith('/proxy/mistral/v1/chat/completions?')).toBe(true);
    expect(got.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(got.headers['x-trace']).toBe('q"uote $HOME `x`');
    expect(got.headers['content-type']).toBe('application/json');
    expect(JSON.parse(got.body.toString())).toEqual(JSON.parse(ref.body.toString()));
  });

  it('omits auth for no-auth cases and shows the invalid value for invalid-auth cases', async () => {
    const none = await viaCurl(baseReq({ auth: { kind: 'none' } }));
    expect(none.got.headers.authorization).toBeUndefined();
    const invalid = await viaCurl(baseReq({ auth: { kind: 'invalid', value: "not-a-key'x" } }));
    expect(invalid.got.headers.authorization).toBe("Bearer not-a-key'x");
    expect(invalid.line).toContain('not-a-key');
  });

  it('honours a custom auth header and variable name', async () => {
    const req = baseReq({});
    const line = toCurl(req, server.url, { apiKeyEnv: 'MY_KEY', authHeader: { name: 'x-api-key' } });
    const before = server.received.length;
    await run('bash', ['-c', line], { env: { ...process.env, MY_KEY: KEY } });
    expect(server.received[before]!.headers['x-api-key']).toBe(KEY);
    expect(line).not.toContain(KEY);
  });

  it('sends raw bodies byte for byte, including a NUL byte', async () => {
    for (const text of ['{"model": "m",', 'a\u0000b\u00ff%s\\n \' "']) {
      const req = baseReq({ method: 'POST', path: '/v1/embeddings', body: { kind: 'raw', text, contentType: 'text/plain' } });
      const { got } = await viaCurl(req);
      expect(got.body.equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(got.headers['content-type']).toBe('text/plain');
    }
  });

  it('sends multipart text and file parts (text and binary) as the transport does', async () => {
    const binary = new Uint8Array([0, 1, 2, 255, 37, 92, 39, 10, 200]);
    const req = baseReq({
      method: 'POST',
      path: '/v1/files',
      body: {
        kind: 'multipart',
        parts: [
          { name: 'purpose', value: 'fine-tune' },
          {
            name: 'file',
            value: '{"messages": [{"role": "user", "content": "a;b \\"q\\" @x"}]}\n',
            filename: 'train;1.jsonl',
            contentType: 'application/jsonl',
          },
          { name: 'blob', value: binary, filename: 'b.bin', contentType: 'application/octet-stream' },
          { name: 'blob2', value: binary, filename: 'c.bin' },
        ],
      },
    });
    const { got } = await viaCurl(req);
    const ref = await viaTransport(req);
    const norm = (r: Received) =>
      parseMultipart(String(r.headers['content-type']), r.body).map((p) => ({ name: p.name, filename: p.filename, content: p.content.toString('hex') }));
    expect(norm(got)).toEqual(norm(ref));
    const parts = parseMultipart(String(got.headers['content-type']), got.body);
    expect(parts.map((p) => p.name)).toEqual(['purpose', 'file', 'blob', 'blob2']);
    expect(parts[1]!.filename).toBe('train;1.jsonl');
    expect(parts[1]!.contentType).toBe('application/jsonl');
    expect(Buffer.from(parts[2]!.content).equals(Buffer.from(binary))).toBe(true);
  });

  it('marks streams with -N and HEAD with -I', () => {
    expect(toCurl(baseReq({ method: 'POST', stream: true, body: { kind: 'json', value: { stream: true } } }), 'http://h')).toContain(' -N ');
    expect(toCurl(baseReq({ method: 'HEAD' }), 'http://h')).toContain(' -I ');
    expect(toCurl(baseReq({}), 'http://h')).not.toContain('-X');
  });

  it('quotes shell words safely', async () => {
    const { stdout } = await run('bash', ['-c', `printf %s ${shellQuote('a\'b"$c`d`\n')}`]);
    expect(stdout).toBe('a\'b"$c`d`\n');
  });
});
