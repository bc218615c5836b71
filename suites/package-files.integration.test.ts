// The published package holds the built tool, the pinned contract and the config schema, and none of the
// test helpers: `files` in package.json is checked by running `npm pack --dry-run` on a stand-in tree
// (no build needed). That shipped sources import no test code is checked by the layering test.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from './openapi/paths.js';

const SHIPPED = [
  'dist/suites/cli/main.js',
  'dist/suites/api.js',
  'dist/suites/vitest-entry.js',
  'dist/suites/engine/run-suite.js',
  'dist/reporters/html.js',
  'dist/fixtures/reference-server/server.js',
  'specs/mistral/openapi-0.0.100.yaml',
  'specs/mistral/errata.overlay.yaml',
  'suites/cli/config/config.schema.json',
];
const LEFT_OUT = [
  'dist/suites/cli/run.test.js',
  'dist/suites/generate/test-support/battery.js',
  'dist/suites/cli/test-support.js',
  'dist/reporters/test-support.js',
  'dist/fixtures/reference-server/faults/fault-test-support.js',
  'dist/suites/cli/integration-support.js',
  'dist/suites/cli/config/config-cases.fixture.js',
  'dist/bench/run.js',
  'dist/fixtures/prism/start-prism.js',
  'dist/fixtures/specs/make-newer-spec.js',
  'dist/fixtures/hostile-targets/echo-target.js',
  'suites/cli/commands/run.ts',
  'fixtures/recordings/real-responses/chat.json',
  'bench/results.json',
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mc-pack-'));
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as Record<string, unknown>;
  // Without scripts: the stand-in tree has nothing to build.
  delete pkg.scripts;
  await writeFile(join(dir, 'package.json'), JSON.stringify(pkg));
  for (const file of [...SHIPPED, ...LEFT_OUT]) {
    await mkdir(join(dir, dirname(file)), { recursive: true });
    await writeFile(join(dir, file), '//\n');
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the published package', () => {
  it('ships the tool, the contract and the config schema, and no test helper', async () => {
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir });
    const files = new Set((JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path));
    for (const f of SHIPPED) expect(files.has(f), f).toBe(true);
    for (const f of LEFT_OUT) expect(files.has(f), f).toBe(false);
  });
});
