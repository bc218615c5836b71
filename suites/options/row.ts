// One row of the options table: everything the command line, the config file, the docs and the
// merge of shard logs need to know about one option.
import type { ValueType } from './value-types.js';

export type Section = 'target' | 'generation' | 'pacing' | 'mistral' | 'reports';

export const SECTION_TITLES: Record<Section, string> = {
  target: 'Target and contract',
  generation: 'Generation',
  pacing: 'Safety, pacing, budgets',
  mistral: 'Mistral specifics',
  reports: 'Reports',
};

/** Where a config-file key lives: in `defaults` and each target, only in targets, or at the top of the file. */
export type ConfigPlace = 'settings' | 'target' | 'file';

export interface OptionRow {
  /**
   * `run`: the run API's option of that name (ConformanceOptions; dotted when nested: `budget.maxRequests`).
   * `cli`: an option of the `run` command only (report folder, formats...). `config`: a config-file key only.
   */
  scope: 'run' | 'cli' | 'config';
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: rows of every value type live in one table
  value: ValueType<any, any>;
  /** The default when the option is not given, as the run option's value (shown in --help and the README). */
  default?: unknown;
  /** How --help and the README show the default, when the value alone would not say it well. */
  defaultText?: string;
  /** Long flag name, without `--`. */
  flag?: string;
  /** Placeholder of the flag's argument in --help (N, URL, LIST). */
  arg?: string;
  /** The flag may be given several times (each may also be a comma list). */
  repeatable?: boolean;
  /** One line for --help, the README and (unless configHelp says more) the config schema's description. */
  help: string;
  /** The config schema's description, when the file's key needs more words than the flag (sentences). */
  configHelp?: string;
  /** Config-file key (dotted when inside an object: `budgets.maxRequests`). */
  config?: string;
  /** Where the config key lives; `settings` when not said. */
  configPlace?: ConfigPlace;
  /** Changes which cases run or how they are judged: shard logs (and runs) that differ in it cannot be merged. */
  changesCases: boolean;
  section: Section;
  /** Applies the flag's value to the run options, when it is not simply set under `name` (`--client-probe` adds a phase). */
  apply?: (options: Record<string, unknown>, value: unknown) => void;
}

/** A row, keeping its literal names so that the config types can be derived from the table. */
export function row<const R extends OptionRow>(r: R): R {
  return r;
}

/** The default as users read it (`4`, `json,junit`, `the pinned Mistral spec`), or undefined. */
export function defaultText(r: OptionRow): string | undefined {
  if (r.defaultText !== undefined) return r.defaultText;
  if (r.default === undefined) return undefined;
  return Array.isArray(r.default) ? r.default.join(',') : String(r.default);
}
