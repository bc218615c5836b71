import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { discoverConfigFile, findConfigFile, gitRoot, importError, loadConfig } from './load-config.js';

let dir: string;
const file = async (name: string, text: string): Promise<string> => {
  const p = join(dir, name);
  await writeFile(p, text);
  return p;
};
const failure = async (path: string): Promise<string> => {
  try {
    await loadConfig(path);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message.startsWith('[mistral-conformance] Failed to read config: ')).toBe(true);
    return message.replace('[mistral-conformance] Failed to read config: ', '');
  }
  throw new Error('expected loadConfig to fail');
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mc-config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('reads JSON and resolves spec and errata against the file', async () => {
    await mkdir(join(dir, 'sub'), { recursive: true });
    const p = await file('sub/a.json', JSON.stringify({ spec: '../specs/api.yaml', errata: 'fix.yaml', targets: { t: { url: 'http://127.0.0.1:1' } } }));
    const config = await loadConfig(p);
    expect(config.source).toBe(p);
    expect(config.spec).toBe(join(dir, 'specs/api.yaml'));
    expect(config.errata).toBe(join(dir, 'sub/fix.yaml'));
    expect(config.targets.t?.url).toBe('http://127.0.0.1:1');
  });

  it('leaves URLs, absolute paths and errata:false alone', async () => {
    const p = await file('b.json', JSON.stringify({ spec: 'https://example.test/openapi.yaml', errata: false }));
    expect(await loadConfig(p)).toMatchObject({ spec: 'https://example.test/openapi.yaml', errata: false });
    const q = await file('c.json', JSON.stringify({ spec: '/abs/openapi.yaml' }));
    expect((await loadConfig(q)).spec).toBe('/abs/openapi.yaml');
  });

  it('accepts a byte-order mark', async () => {
    const p = await file('bom.json', '\uFEFF{"targets":{}}');
    expect((await loadConfig(p)).targets).toEqual({});
  });

  it('reports a missing file', async () => {
    expect(await failure(join(dir, 'missing.json'))).toMatch(/missing\.json does not exist\. Create it/);
  });

  it('reports a directory', async () => {
    await mkdir(join(dir, 'd.json'), { recursive: true });
    expect(await failure(join(dir, 'd.json'))).toMatch(/d\.json is a directory/);
  });

  it('reports JSON syntax errors with line and column', async () => {
    const p = await file('bad.json', '{\n  "targets": {\n    "a": { "url": "http://x", }\n  }\n}');
    expect(await failure(p)).toMatch(/bad\.json is not valid JSON: .* at line 3 column 31$/);
  });

  it('reports the offending entry of an invalid file', async () => {
    const p = await file('invalid.json', JSON.stringify({ targets: { vendorA: { url: 'http://x', concurrency: 'x' } } }));
    expect(await failure(p)).toBe('targets.vendorA.concurrency must be an integer ≥ 1 (got "x")');
  });

  it('rejects other extensions', async () => {
    const p = await file('config.yaml', 'targets: {}');
    expect(await failure(p)).toMatch(/config\.yaml is not a \.json, \.mjs, \.js or \.ts file/);
  });

  it('imports the default export of an .mjs file', async () => {
    const p = await file('m.mjs', "export default { targets: { m: { url: 'http://127.0.0.1:2', concurrency: 3 } } };");
    expect((await loadConfig(p)).targets.m).toEqual({ url: 'http://127.0.0.1:2', concurrency: 3 });
  });

  it('calls a default export that is a function', async () => {
    const p = await file('f.mjs', "export default async () => ({ defaults: { models: ['x'] } });");
    expect((await loadConfig(p)).defaults.models).toEqual(['x']);
  });

  it('validates what a module exports', async () => {
    const p = await file('v.mjs', "export default { targets: { m: { url: 'http://x', phases: ['fuzz'] } } };");
    expect(await failure(p)).toMatch(/^targets\.m\.phases\[0\] must be one of/);
  });

  it('reports a module without default export, one that throws, and one that does not parse', async () => {
    expect(await failure(await file('n.mjs', 'export const targets = {};'))).toMatch(/n\.mjs has no default export/);
    expect(await failure(await file('t.mjs', "export default () => { throw new Error('boom\\nmore'); };"))).toMatch(/t\.mjs: its default export threw: boom$/);
    expect(await failure(await file('s.mjs', 'export default {'))).toMatch(/s\.mjs could not be imported: /);
    expect(await failure(join(dir, 'none.mjs'))).toMatch(/none\.mjs does not exist/);
  });

  it('loads a .ts config where the runtime can (vitest)', async () => {
    const p = await file('c.ts', 'const port: number = 3;\nexport default { targets: { ts: { url: `http://127.0.0.1:${port}` } } };');
    expect((await loadConfig(p)).targets.ts?.url).toBe('http://127.0.0.1:3');
  });
});

describe('importError', () => {
  it('tells to use .json or .mjs when the runtime cannot import TypeScript', () => {
    const error = Object.assign(new TypeError('Unknown file extension ".ts" for /x/c.ts'), { code: 'ERR_UNKNOWN_FILE_EXTENSION' });
    expect(importError(error, 'c.ts', '.ts').message).toBe(
      '[mistral-conformance] Failed to read config: c.ts: this Node cannot load TypeScript config files. Use mistral-conformance.config.json or .mjs',
    );
    expect(importError(error, 'c.mjs', '.mjs').message).toMatch(/c\.mjs could not be imported: Unknown file extension/);
  });
});

describe('findConfigFile', () => {
  it('finds the JSON config first and nothing where there is none', async () => {
    const d = await mkdtemp(join(tmpdir(), 'mc-find-'));
    expect(findConfigFile(d)).toBeUndefined();
    await writeFile(join(d, 'mistral-conformance.config.mjs'), 'export default {}');
    await writeFile(join(d, 'mistral-conformance.config.json'), '{}');
    expect(findConfigFile(d)).toBe(join(d, 'mistral-conformance.config.json'));
    await rm(d, { recursive: true, force: true });
  });
});

describe('discoverConfigFile', () => {
  it('takes the working directory first, then the git root, and nothing outside a repository', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mc-discover-'));
    const sub = join(root, 'packages', 'server');
    await mkdir(sub, { recursive: true });
    expect(discoverConfigFile(sub)).toBeUndefined();
    await writeFile(join(root, 'mistral-conformance.config.json'), '{}');
    // Not a repository yet: the file two levels up is not looked for.
    expect(discoverConfigFile(sub)).toBeUndefined();
    // A worktree's .git is a file; either marks the root.
    await writeFile(join(root, '.git'), 'gitdir: /elsewhere\n');
    expect(gitRoot(sub)).toBe(root);
    expect(discoverConfigFile(sub)).toBe(join(root, 'mistral-conformance.config.json'));
    await writeFile(join(sub, 'mistral-conformance.config.mjs'), 'export default {}');
    expect(discoverConfigFile(sub)).toBe(join(sub, 'mistral-conformance.config.mjs'));
    await rm(root, { recursive: true, force: true });
  });
});

describe('comments in a JSON config', () => {
  it('are allowed, and errors still give the right line', async () => {
    const d = await mkdtemp(join(tmpdir(), 'mc-jsonc-'));
    const file = join(d, 'mistral-conformance.config.json');
    await writeFile(file, '// targets\n{\n  /* one */\n  "targets": { "a": { "url": "http://127.0.0.1:1" } } // end\n}\n');
    expect(Object.keys((await loadConfig(file)).targets ?? {})).toEqual(['a']);
    await writeFile(file, '// a comment\n{\n  "targets": {,}\n}\n');
    await expect(loadConfig(file)).rejects.toThrow(/line 3 column/);
    await rm(d, { recursive: true, force: true });
  });
});
