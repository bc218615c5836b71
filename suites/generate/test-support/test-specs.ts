// Specs the generation property tests run over: the pinned Mistral document with its errata, and
// every document under fixtures/specs/ when that folder exists. (Imported by tests only.)
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpec, type LoadedSpec } from '../../openapi/load-spec.js';
import { packageRoot } from '../../openapi/paths.js';
import { pinnedErrataPath, pinnedSpecPath } from '../../mistral/contracts.js';

let pinned: Promise<LoadedSpec> | undefined;

export function pinnedSpec(): Promise<LoadedSpec> {
  pinned ??= loadSpec(pinnedSpecPath(), { overlays: [pinnedErrataPath()] });
  return pinned;
}

export async function allTestSpecs(): Promise<Array<{ name: string; spec: LoadedSpec }>> {
  const out = [{ name: 'mistral (errata)', spec: await pinnedSpec() }];
  const dir = join(packageRoot(), 'fixtures', 'specs');
  if (existsSync(dir)) {
    for (const file of readdirSync(dir)
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .sort()) {
      out.push({ name: file, spec: await loadSpec(join(dir, file)) });
    }
  }
  return out;
}
