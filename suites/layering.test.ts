// The folders read as the pipeline and every import of shipped code points down the list: a module
// may import its own layer or a lower one, never a higher one. The generic engine (openapi, generate,
// engine, checks, reporters) never imports the Mistral suite or the reference server. Tests and test
// support may reach up (an integration test drives the whole tool), so only shipped code is held to it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from './openapi/paths.js';

/** Lowest first. */
const LAYERS = ['openapi', 'generate', 'engine', 'checks', 'reporters', 'mistral', 'options', 'fixtures', 'api', 'cli', 'bench'] as const;
type Layer = (typeof LAYERS)[number];
const GENERIC: Layer[] = ['openapi', 'generate', 'engine', 'checks', 'reporters'];

function layerOf(file: string): Layer | undefined {
  const parts = file.split('/');
  if (parts[0] === 'reporters') return 'reporters';
  if (parts[0] === 'fixtures') return 'fixtures';
  if (parts[0] === 'bench') return 'bench';
  if (parts[0] !== 'suites') return undefined;
  if (parts.length === 2) return 'api'; // api.ts, version.ts, vitest-entry.ts: the public surface
  return (LAYERS as readonly string[]).includes(parts[1]!) ? (parts[1] as Layer) : undefined;
}

const isTestCode = (file: string): boolean =>
  /\.test\.ts$/.test(file) || file.includes('/test-support/') || /test-support\.ts$/.test(file) || /\.fixture\.ts$/.test(file);

function sourceFiles(root: string, dir = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist' && !entry.name.startsWith('.')) out.push(...sourceFiles(root, rel));
    } else if (rel.endsWith('.ts') && !rel.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

interface ImportEdge {
  from: string;
  to: string;
}

function relativeImports(root: string, file: string): ImportEdge[] {
  const src = readFileSync(join(root, file), 'utf8');
  const edges: ImportEdge[] = [];
  for (const m of src.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
    edges.push({ from: file, to: relative(root, normalize(join(root, dirname(file), m[1]!))) });
  }
  return edges;
}

/** Shipped code that imports test code (which tsconfig.build.json leaves out of dist/) or vitest. */
function testImports(root: string, file: string): string[] {
  if (isTestCode(file)) return [];
  const src = readFileSync(join(root, file), 'utf8');
  const bad = relativeImports(root, file)
    .filter((e) => isTestCode(e.to.replace(/\.js$/, '.ts')))
    .map((e) => `${e.from} -> ${e.to}`);
  // The vitest entry is the one shipped module meant to run inside a user's vitest.
  if (file !== 'suites/vitest-entry.ts' && /(?:from|import\()\s*'vitest(?:\/[^']*)?'/.test(src)) bad.push(`${file} -> vitest`);
  return bad;
}

/** The imports that break the layering, as `from -> to (why)`. */
function layeringViolations(edges: ImportEdge[]): string[] {
  const bad: string[] = [];
  for (const { from, to } of edges) {
    if (isTestCode(from)) continue;
    const a = layerOf(from);
    const b = layerOf(to);
    if (!a || !b || a === b) continue;
    if (GENERIC.includes(a) && (b === 'mistral' || b === 'fixtures')) bad.push(`${from} -> ${to} (generic engine imports ${b})`);
    else if (LAYERS.indexOf(b) > LAYERS.indexOf(a)) bad.push(`${from} -> ${to} (${a} imports the higher layer ${b})`);
  }
  return bad;
}

describe('layering', () => {
  const root = packageRoot();
  const files = ['specs', 'suites', 'reporters', 'fixtures', 'bench'].flatMap((d) => sourceFiles(root, d));

  it('specs/ holds documents and overlays only: no code', () => {
    expect(files.filter((f) => f.startsWith('specs/'))).toEqual([]);
  });

  it('every import of shipped code points down a layer or stays in its own', () => {
    expect(layeringViolations(files.flatMap((f) => relativeImports(root, f)))).toEqual([]);
  });

  it('shipped code imports no test helper and no vitest, so dist/ holds none', () => {
    expect(files.flatMap((f) => testImports(root, f))).toEqual([]);
  });

  it('the rule fires on an upward import and on the engine importing the Mistral suite', () => {
    expect(layeringViolations([{ from: 'suites/generate/x.ts', to: 'suites/engine/types.js' }])).toEqual([
      'suites/generate/x.ts -> suites/engine/types.js (generate imports the higher layer engine)',
    ]);
    expect(layeringViolations([{ from: 'suites/engine/x.ts', to: 'suites/mistral/target-plugin.js' }])[0]).toContain('generic engine imports mistral');
    expect(layeringViolations([{ from: 'reporters/x.ts', to: 'fixtures/reference-server/index.js' }])[0]).toContain('generic engine imports fixtures');
    expect(layeringViolations([{ from: 'suites/api.ts', to: 'suites/cli/version.js' }])[0]).toContain('api imports the higher layer cli');
    // Tests may reach up; downward imports are fine.
    expect(
      layeringViolations([
        { from: 'suites/engine/x.test.ts', to: 'suites/api.js' },
        { from: 'suites/cli/x.ts', to: 'suites/openapi/model.js' },
      ]),
    ).toEqual([]);
  });
});
