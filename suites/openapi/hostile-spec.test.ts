// Specs written by someone else: remote $refs (server-side request forgery), alias bombs, huge
// documents and absurd nesting each end in one clear line, fast, without fetching or expanding.
import { mkdtemp, truncate, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleExternalRefs } from './bundle.js';
import { lintSpec } from './lint.js';
import { loadSpec } from './load-spec.js';
import { DEFAULT_READ_LIMITS, parseDocumentText, SpecReadError } from './read-document.js';
import { createParseCache } from './parse-cache.js';

const spec = (schema: unknown): Record<string, unknown> => ({
  openapi: '3.1.0',
  info: { title: 'Hostile', version: '1' },
  paths: {
    '/a': { get: { operationId: 'getA', responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } } } },
  },
});

async function readError(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SpecReadError);
  const message = (err as Error).message;
  expect(message).not.toContain('\n');
  return message;
}

describe('hostile specs', () => {
  let dir: string;
  let server: Server;
  let base: string;
  const hits: string[] = [];
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
    '/schema.json': (_q, res) => res.end(JSON.stringify({ S: { type: 'string', description: 'internal secret' } })),
    '/redirect.json': (_q, res) => {
      res.writeHead(302, { location: `${base}/schema.json` });
      res.end();
    },
    '/big.json': (_q, res) => {
      // Chunked, no Content-Length: the cap must count what arrives.
      res.write(`{"S": {"type": "string", "description": "`);
      for (let i = 0; i < 40; i++) res.write('x'.repeat(64 * 1024));
      res.end('"}}');
    },
    '/bomb.json': (_q, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
      res.end(gzipSync(Buffer.concat([Buffer.from('{"S": {"description": "'), Buffer.alloc(16 * 1024 * 1024, 0x61), Buffer.from('"}}')])));
    },
    '/silent.json': () => {
      // Never answers: the timeout ends it.
    },
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hostile-spec-'));
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      const route = routes[req.url ?? ''];
      if (route) route(req, res);
      else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });
  beforeEach(() => {
    hits.length = 0;
  });

  async function localSpec(name: string, value: unknown): Promise<string> {
    const p = join(dir, name);
    await writeFile(p, typeof value === 'string' ? value : JSON.stringify(value));
    return p;
  }

  it('refuses a $ref to a loopback URL without fetching it, naming the ref', async () => {
    const p = await localSpec('ssrf.json', spec({ $ref: `${base}/schema.json#/S` }));
    const message = await readError(loadSpec(p));
    expect(message).toBe(
      `[mistral-conformance] Failed to load spec: $ref "${base}/schema.json#/S" (in ${p}) points to a remote document (${base}/schema.json). Pass --allow-remote-refs to fetch it, or download it and refer to the file`,
    );
    expect(hits).toEqual([]);
  });

  it('fetches it with allowRemoteRefs', async () => {
    const p = await localSpec('ssrf-allowed.json', spec({ $ref: `${base}/schema.json#/S` }));
    const loaded = await loadSpec(p, { allowRemoteRefs: true });
    expect(loaded.operations[0]!.responses[0]!.content[0]!.schema).toMatchObject({ type: 'string' });
    expect(hits).toEqual(['/schema.json']);
  });

  it('does not follow a redirect a $ref answers with, even when remote refs are allowed', async () => {
    const p = await localSpec('redirect.json', spec({ $ref: `${base}/redirect.json#/S` }));
    const message = await readError(loadSpec(p, { allowRemoteRefs: true }));
    expect(message).toContain('answered 302');
    expect(message).toContain('redirects named by a document are not followed');
    expect(hits).toEqual(['/redirect.json']);
  });

  it('caps a remote document as it arrives, chunked or compressed (a gzip bomb stops at the cap)', async () => {
    const big = await localSpec('big-ref.json', spec({ $ref: `${base}/big.json#/S` }));
    expect(await readError(loadSpec(big, { allowRemoteRefs: true, maxSpecBytes: 1024 * 1024 }))).toMatch(/big\.json is larger than the .* left under the cap/);
    const bomb = await localSpec('bomb-ref.json', spec({ $ref: `${base}/bomb.json#/S` }));
    expect(await readError(loadSpec(bomb, { allowRemoteRefs: true, maxSpecBytes: 1024 * 1024 }))).toMatch(/bomb\.json is larger than/);
  });

  it('gives up on a remote document that does not answer within the timeout', async () => {
    const message = await readError(
      bundleExternalRefs(spec({ $ref: `${base}/silent.json#/S` }), join(dir, 'x.json'), {
        allowRemoteRefs: true,
        limits: { ...DEFAULT_READ_LIMITS, timeoutMs: 100 },
      }),
    );
    expect(message).toMatch(/cannot fetch .*silent\.json/);
  });

  it('refuses a file $ref that is not a document (.env, keys)', async () => {
    await writeFile(join(dir, '.env'), 'MISTRAL_API_KEY=sk-secret');
    const p = await localSpec('dotenv.json', spec({ type: 'string', example: { $ref: '.env' } }));
    expect(await readError(loadSpec(p))).toContain('$ref ".env"');
  });

  it('refuses a billion-laughs YAML quickly instead of expanding it', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const [name, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    expect(() => parseDocumentText(lines.join('\n'), 'lol.yaml', createParseCache(undefined))).toThrow(
      /cannot parse lol\.yaml: its YAML aliases expand too much/,
    );
    // A few aliases, as real documents use them, still parse.
    expect(parseDocumentText('a: &x {k: 1}\nb: *x\nc: *x\n', 'ok.yaml', createParseCache(undefined))).toEqual({ a: { k: 1 }, b: { k: 1 }, c: { k: 1 } });
  });

  it('refuses a spec larger than the cap before reading it', async () => {
    const p = join(dir, 'huge.yaml');
    await writeFile(p, 'openapi: 3.1.0\n');
    // Sparse: 11 MiB on paper, nothing on disk, and never read.
    await truncate(p, 11 * 1024 * 1024);
    expect(await readError(loadSpec(p))).toMatch(/huge\.yaml is larger than the 4 MiB left under the cap on spec size/);
    const small = await localSpec('small.json', spec({ type: 'string', description: 'y'.repeat(4096) }));
    expect(await readError(loadSpec(small, { maxSpecBytes: 1024 }))).toContain('small.json is larger than');
  });

  it('counts every document a spec refers to against the one cap', async () => {
    await writeFile(join(dir, 'part.json'), JSON.stringify({ S: { type: 'string', description: 'z'.repeat(3000) } }));
    const p = await localSpec('parts.json', spec({ $ref: './part.json#/S' }));
    expect((await loadSpec(p, { maxSpecBytes: 8192 })).operations).toHaveLength(1);
    expect(await readError(loadSpec(p, { maxSpecBytes: 3000 }))).toContain('part.json is larger than');
  });

  it('refuses JSON and YAML nested 3,000 deep, and depth built from refs, in one line', async () => {
    const deepJson = `{"openapi": "3.1.0", "x": ${'['.repeat(3000)}${']'.repeat(3000)}}`;
    expect(await readError(loadSpec(await localSpec('deep.json', deepJson)))).toMatch(/deep\.json: nested deeper than 256 levels/);
    const deepYaml = `openapi: 3.1.0\nx: ${'['.repeat(3000)}${']'.repeat(3000)}\n`;
    expect(await readError(loadSpec(await localSpec('deep.yaml', deepYaml)))).toMatch(/deep\.yaml: it nests (too deeply to parse|deeper than 256 levels)/);
    let block = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\nx:\n';
    for (let i = 1; i < 300; i++) block += `${'  '.repeat(i)}k:\n`;
    expect(await readError(loadSpec(await localSpec('deep-block.yaml', block)))).toMatch(/deep-block\.yaml: it nests deeper than 256 levels/);
    // Two documents of 200 levels each, one inlined into the other.
    const nest = (n: number, leaf: unknown): unknown => {
      let v = leaf;
      for (let i = 0; i < n; i++) v = { n: v };
      return v;
    };
    await writeFile(join(dir, 'deep-part.json'), JSON.stringify({ D: nest(200, { type: 'string' }) }));
    const chained = await localSpec('deep-chain.json', { ...spec({ type: 'object' }), 'x-deep': nest(200, { $ref: './deep-part.json#/D' }) });
    expect(await readError(loadSpec(chained))).toMatch(/with its \$refs inlined, .*deep-chain\.json nests deeper than 256 levels/);
  });

  it('a catastrophic pattern is matched in linear time; one needing backtracking is a lint finding and not checked', async () => {
    const p = await localSpec('redos.json', {
      ...spec({ $ref: '#/components/schemas/R' }),
      components: {
        schemas: { R: { type: 'object', properties: { a: { type: 'string', pattern: '^(a+)+$' }, b: { type: 'string', pattern: '^(?=.*\\d)\\w+$' } } } },
      },
    });
    const loaded = await loadSpec(p);
    const hostile = `${'a'.repeat(33)}!`;
    // With V8's backtracking this call would not return for minutes.
    expect(loaded.validators.validate('/components/schemas/R', { a: hostile }).issues.map((i) => i.keyword)).toEqual(['pattern']);
    expect(loaded.validators.validate('/components/schemas/R', { a: 'aaaa', b: 'no digit' }).valid).toBe(true);
    const findings = lintSpec(loaded).filter((f) => f.rule === 'pattern-unchecked');
    expect(findings.map((f) => f.pointer)).toEqual(['/components/schemas/R/properties/b/pattern']);
    expect(findings[0]!.message).toContain('no linear-time matcher runs it (lookaround), so it is not checked');
  });
});
