import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { resolveTargets } from '../config/resolve-targets.js';
import { INIT_FILE, initCommand } from './init.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mc-init-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** initCommand with its one line of output kept out of the test log. */
async function init(argv: string[]): Promise<number> {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await initCommand(argv, dir);
  } finally {
    process.stdout.write = write;
  }
}

describe('init', () => {
  it('writes a commented starter config that loads, validates and resolves to its one target', async () => {
    expect(await init(['--target', 'https://llm.example/mistral', '--api-key-env', 'VENDOR_KEY'])).toBe(0);
    const file = join(dir, INIT_FILE);
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^\/\/ mistral-conformance configuration/);
    expect(text).toContain('// "models": ["mistral-small-latest"]');
    const config = await loadConfig(file);
    const [target] = resolveTargets(config, {}, undefined, { env: { VENDOR_KEY: 'k' } });
    expect(target!.name).toBe('local');
    expect(target!.options.target).toBe('https://llm.example/mistral');
    expect(target!.options.apiKeyEnv).toBe('VENDOR_KEY');
    // $schema reaches the shipped schema from where the file is.
    const schema = JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')) as { $schema: string };
    expect(existsSync(resolve(dirname(file), schema.$schema))).toBe(true);
  });

  it('refuses to overwrite a config of any supported name, and leaves it as it was', async () => {
    await writeFile(join(dir, 'mistral-conformance.config.mjs'), 'export default {}\n');
    await expect(init([])).rejects.toThrow(/Failed to write config: mistral-conformance\.config\.mjs already exists here/);
    expect(existsSync(join(dir, INIT_FILE))).toBe(false);
    await writeFile(join(dir, INIT_FILE), '{"targets":{}}');
    await expect(init([])).rejects.toThrow(/already exists/);
    expect(await readFile(join(dir, INIT_FILE), 'utf8')).toBe('{"targets":{}}');
  });

  it('refuses a key given as --api-key-env without repeating it, and a URL that is not http(s)', async () => {
    const key = 'AbCdEfGh12345678IjKlMnOp';
    const err = await init(['--api-key-env', key]).catch((e: Error) => e);
    expect(String(err)).toMatch(/must be the NAME of an environment variable/);
    expect(String(err)).not.toContain(key);
    await expect(init(['--target', 'ftp://x'])).rejects.toThrow(/--target must be an http\(s\) URL/);
    expect(existsSync(join(dir, INIT_FILE))).toBe(false);
  });
});
