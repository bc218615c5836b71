import { createServer, type Server } from 'node:http';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from './load-spec.js';
import { SpecReadError } from './read-document.js';

const minimal = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  openapi: '3.1.0',
  info: { title: 'Mini', version: '1' },
  paths: {
    '/a': {
      get: {
        operationId: 'getA',
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } },
      },
    },
  },
  components: { schemas: { A: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] } } },
  ...extra,
});

async function expectReadError(p: Promise<unknown>, pattern: RegExp): Promise<void> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SpecReadError);
  const message = (err as Error).message;
  expect(message).toMatch(pattern);
  expect(message).not.toContain('\n');
}

describe('loadSpec inputs', () => {
  let dir: string;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spec-in-'));
    server = createServer((req, res) => {
      if (req.url === '/spec.yaml') {
        res.setHeader('content-type', 'application/yaml');
        res.end(
          'openapi: 3.1.0\ninfo: {title: Remote, version: "2"}\npaths:\n  /r:\n    get:\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: "./parts.yaml#/R"}\n',
        );
      } else if (req.url === '/parts.yaml') res.end('R: {type: string}\n');
      else {
        res.statusCode = 404;
        res.end('not found');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('reads JSON', async () => {
    const p = join(dir, 'mini.json');
    await writeFile(p, JSON.stringify(minimal()));
    const spec = await loadSpec(p);
    expect(spec.operations.map((o) => o.id)).toEqual(['getA']);
    expect(spec.validators.validate('/components/schemas/A', { n: 1 }).valid).toBe(true);
  });

  it('loads a spec served over http by URL, with a relative external ref resolved against the URL', async () => {
    const spec = await loadSpec(`${base}/spec.yaml`);
    expect(spec.info).toMatchObject({ title: 'Remote', version: '2', source: `${base}/spec.yaml` });
    const media = spec.operations[0]!.responses[0]!.content[0]!;
    expect(media.schema).toEqual({ type: 'string' });
    expect(spec.validators.validate(media.schemaPointer!, 3).valid).toBe(false);
  });

  it('an http error is a one-line SpecReadError', async () => {
    await expectReadError(loadSpec(`${base}/missing.yaml`), /cannot fetch .*missing\.yaml: HTTP 404/);
  });

  it('bundles external file refs, including refs local to the external file', async () => {
    const sub = join(dir, 'sub');
    await import('node:fs/promises').then((fs) => fs.mkdir(sub, { recursive: true }));
    await writeFile(
      join(sub, 'schemas.yaml'),
      'Pet:\n  type: object\n  properties:\n    tag: {$ref: "#/Tag"}\n    owner: {$ref: "../main.yaml#/components/schemas/Owner"}\n  required: [tag]\nTag: {type: string, minLength: 1}\n',
    );
    await writeFile(
      join(dir, 'main.yaml'),
      'openapi: 3.1.0\ninfo: {title: M, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    Pet: {$ref: "./sub/schemas.yaml#/Pet"}\n    Owner: {type: object, required: [name], properties: {name: {type: string}}}\n',
    );
    const spec = await loadSpec(join(dir, 'main.yaml'));
    const pet = (spec.document.components as { schemas: Record<string, { properties: Record<string, unknown> }> }).schemas.Pet!;
    expect(pet.properties.tag).toEqual({ type: 'string', minLength: 1 });
    expect(pet.properties.owner).toEqual({ $ref: '#/components/schemas/Owner' });
    expect(spec.validators.validate('/components/schemas/Pet', { tag: 'x', owner: { name: 'a' } }).valid).toBe(true);
    expect(spec.validators.validate('/components/schemas/Pet', { tag: '' }).valid).toBe(false);
    expect(spec.validators.validate('/components/schemas/Pet', { tag: 'x', owner: {} }).valid).toBe(false);
  });

  it('an external ref that does not resolve, or that recurses across files, is a one-line SpecReadError', async () => {
    await writeFile(join(dir, 'parts.yaml'), 'A: {type: string}\nLoop: {type: array, items: {$ref: "#/Loop"}}\n');
    await writeFile(
      join(dir, 'bad-ref.yaml'),
      'openapi: 3.1.0\ninfo: {title: M, version: "1"}\npaths: {}\ncomponents: {schemas: {X: {$ref: "./parts.yaml#/Nope"}}}\n',
    );
    await expectReadError(loadSpec(join(dir, 'bad-ref.yaml')), /\$ref \.\/parts\.yaml#\/Nope .*does not resolve/);
    await writeFile(
      join(dir, 'loop.yaml'),
      'openapi: 3.1.0\ninfo: {title: M, version: "1"}\npaths: {}\ncomponents: {schemas: {X: {$ref: "./parts.yaml#/Loop"}}}\n',
    );
    await expectReadError(loadSpec(join(dir, 'loop.yaml')), /recursive \$ref/);
    await writeFile(
      join(dir, 'no-file.yaml'),
      'openapi: 3.1.0\ninfo: {title: M, version: "1"}\npaths: {}\ncomponents: {schemas: {X: {$ref: "./absent.yaml#/A"}}}\n',
    );
    await expectReadError(loadSpec(join(dir, 'no-file.yaml')), /cannot read .*absent\.yaml: no such file/);
  });

  it('a missing file is a one-line SpecReadError', async () => {
    await expectReadError(loadSpec(join(dir, 'nope.yaml')), /cannot read .*nope\.yaml: no such file/);
  });

  it('an unreadable file is a one-line SpecReadError', async () => {
    const p = join(dir, 'locked.yaml');
    await writeFile(p, 'openapi: 3.1.0\n');
    await chmod(p, 0o000);
    // Root reads everything; the directory case fails for every user.
    const target = process.getuid?.() === 0 ? dir : p;
    await expectReadError(loadSpec(target), /cannot read /);
  });

  it('broken YAML is a one-line SpecReadError', async () => {
    const p = join(dir, 'broken.yaml');
    await writeFile(p, 'openapi: 3.1.0\ninfo:\n  title: "unterminated\n  version: 1\npaths: {\n');
    await expectReadError(loadSpec(p), /cannot parse .*broken\.yaml: /);
  });

  it('broken JSON is a one-line SpecReadError', async () => {
    const p = join(dir, 'broken.json');
    await writeFile(p, '{"openapi": "3.1.0", }');
    await expectReadError(loadSpec(p), /cannot parse .*broken\.json: /);
  });

  it('a Swagger 2.0 document is rejected with a one-line SpecReadError naming it', async () => {
    const p = join(dir, 'swagger.json');
    await writeFile(p, JSON.stringify({ swagger: '2.0', info: { title: 's', version: '1' }, paths: {} }));
    await expectReadError(loadSpec(p), /not an OpenAPI 3\.0 or 3\.1 document \(Swagger 2\.0\)/);
  });

  it('a YAML scalar is not an OpenAPI document', async () => {
    const p = join(dir, 'scalar.yaml');
    await writeFile(p, 'just text\n');
    await expectReadError(loadSpec(p), /not an OpenAPI document/);
  });
});
