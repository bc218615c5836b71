// `mistral-conformance operations`: the operations a run would test, with their tags, method and path
// and the phases that apply to each (cases per phase, as `run` would plan them with the same flags),
// without sending anything. The filters are run's: --include/--exclude (globs), --include-method,
// --include-path, --phases, --read-only, --spec, --seed, --runs...
import type { PlannedOperation } from '../../engine/run/preview-plan.js';
import type { Phase } from '../../engine/types.js';
import { escapeControls } from '../../../reporters/control-chars.js';
import { planConformance } from '../../api.js';
import { parse } from '../args.js';
import { EXIT } from '../errors.js';
import { flagSpec, fromValues } from '../options/run-flags.js';

const HELP = `Usage: mistral-conformance operations [--include X] [--include-method M] [--include-path GLOB] [--json] [run's options]

Lists the operations a run would test, with tags, method, path and the cases it would plan per phase,
without sending anything. It takes run's flags (filters, --phases, --read-only, --spec, --errata,
--seed, --runs, --model...) and plans as run does against a target without a models list (--model, else defaults).
  --include X          operationIds, tags or "METHOD /path", each may be a glob ("POST /v1/*")
  --include-method M   only these methods          --include-path GLOB   only these paths ("/v1/files*")
  --exclude X          not these (same forms as --include)
  --json               the list as JSON
`;

const PHASE_ORDER: Phase[] = ['examples', 'coverage', 'positive', 'negative', 'auth', 'semantic', 'stateful', 'probe'];

function phasesText(op: PlannedOperation): string {
  if (op.skipped) return `skipped: ${op.skipped}`;
  const parts = PHASE_ORDER.filter((p) => op.phases[p]).map((p) => `${p} ${op.phases[p]}`);
  return parts.length ? parts.join(', ') : 'no cases';
}

/** Columns padded to their widest cell; spec text (ids, tags, paths) escaped for the terminal. */
export function renderOperations(operations: PlannedOperation[], filteredOut: number): string {
  const rows = operations.map((op) => [op.method, op.path, op.operationId, op.tags.join(','), phasesText(op)].map(escapeControls));
  const head = ['METHOD', 'PATH', 'OPERATION', 'TAGS', 'PHASES (cases)'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const cases = operations.reduce((n, op) => n + Object.values(op.phases).reduce((a, b) => a + (b ?? 0), 0), 0);
  const n = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  const footer = `${n(operations.length, 'operation')}, ${n(cases, 'case')} planned${filteredOut ? ` (${n(filteredOut, 'operation')} of the spec left out by the filters)` : ''}`;
  return [line(head), ...rows.map(line), '', footer].join('\n');
}

export async function operationsCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...flagSpec(), json: { type: 'boolean' } }, false);
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.pass;
  }
  const { options } = fromValues(values);
  const preview = await planConformance(options);
  process.stdout.write(
    values.json
      ? `${JSON.stringify({ operations: preview.operations, filteredOut: preview.filteredOut }, null, 2)}\n`
      : `${renderOperations(preview.operations, preview.filteredOut)}\n`,
  );
  return EXIT.pass;
}
