// The flags that choose what a command judges against, shared by every command that reads a spec
// (run, validate, serve, lint-spec, proxy): rows of the options table, parsed the same way everywhere.
import type { ConformanceOptions } from '../../api.js';
import { OPTIONS, type TableRow } from '../../options/table.js';
import type { OptionSpec, Parsed } from '../args.js';
import { flagSpec, fromValues } from './run-flags.js';

/** `--contract`, `--spec`, `--errata`, `--no-errata`, `--allow-remote-refs`: the contract, or any other document, and its errata. */
const CONTRACT_ROWS: readonly TableRow[] = OPTIONS.filter((r) => ['contract', 'spec', 'overlays', 'errata', 'allowRemoteRefs'].includes(r.name));
/** `--contract` alone (the reference server serves a contract, not any document). */
const NAME_ROWS: readonly TableRow[] = OPTIONS.filter((r) => r.name === 'contract');

export type ContractChoice = Pick<ConformanceOptions, 'contract' | 'spec' | 'overlays' | 'errata' | 'allowRemoteRefs'>;

/** parseArgs's spec of the contract flags (`nameOnly`: `--contract` alone). */
export const contractFlagSpec = (nameOnly = false): OptionSpec => flagSpec(nameOnly ? NAME_ROWS : CONTRACT_ROWS);

/** The contract flags given, as run options (a bad contract name is a usage error naming the known ones). */
export function contractChoice(values: Parsed['values'], nameOnly = false): ContractChoice {
  return fromValues(values, nameOnly ? NAME_ROWS : CONTRACT_ROWS).options as ContractChoice;
}
