// --allow-remote-refs and --max-spec-bytes reach the spec loader.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromValues } from './options/run-flags.js';
import { runLintSpec } from './lint-run.js';
import { loadContractUnlinted } from '../api.js';

describe('--allow-remote-refs', () => {
  it('is off unless given, and becomes the run option', () => {
    expect(fromValues({}).options.allowRemoteRefs).toBeUndefined();
    expect(fromValues({ 'allow-remote-refs': true }).options.allowRemoteRefs).toBe(true);
  });

  it('--max-spec-bytes becomes the cap the contract is loaded with', async () => {
    expect(fromValues({ 'max-spec-bytes': '1000' }).options.maxSpecBytes).toBe(1000);
    await expect(loadContractUnlinted({ errata: true, maxSpecBytes: 1000 })).rejects.toThrow(
      /is larger than the 1 KiB left under the cap on spec size.*--max-spec-bytes/,
    );
    expect((await loadContractUnlinted({ errata: true })).spec.operations.length).toBeGreaterThan(0);
  });

  it('lint-spec refuses a remote $ref by default, naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'remote-flag-'));
    const p = join(dir, 'spec.json');
    // Port 9 (discard) on loopback: never contacted, the ref is refused before any fetch.
    const ref = 'http://127.0.0.1:9/schemas.json#/S';
    await writeFile(p, JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { A: { $ref: ref } } } }));
    await expect(runLintSpec(p)).rejects.toThrow(`$ref "${ref}"`);
    await expect(runLintSpec(p, { allowRemoteRefs: true })).rejects.toThrow(/cannot fetch http:\/\/127\.0\.0\.1:9\/schemas\.json/);
  });
});
