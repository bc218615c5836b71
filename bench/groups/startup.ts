// Start-up: from launching the CLI to its first request, with the pinned spec and with a large one.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeLargeSpec } from '../../fixtures/specs/make-large-spec.js';
import { measureStartupMs } from '../figures/startup.js';
import { repeat } from '../stats.js';
import { row } from '../table.js';
import type { BenchContext } from './context.js';

const LARGE_SPEC_OPERATIONS = 200;

export async function startupFigures({ runs, tmp, add }: BenchContext): Promise<void> {
  const largeSpec = join(tmp, 'large-spec.json');
  await writeFile(largeSpec, JSON.stringify(makeLargeSpec(LARGE_SPEC_OPERATIONS)));
  add(row('start-up, pinned spec', 'ms', await repeat(runs, () => measureStartupMs([])), { kind: 'max', value: 1000 }));
  add(
    row(`start-up, large spec (${LARGE_SPEC_OPERATIONS} operations)`, 'ms', await repeat(runs, () => measureStartupMs(['--spec', largeSpec])), {
      kind: 'max',
      value: 3000,
    }),
  );
}
