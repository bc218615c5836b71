// The flags of `run`, from the options table: node:util parseArgs's spec, and the parsed flags as run
// options (the run API's names) and as the command's own settings (report folder, formats...).
import type { ConformanceOptions } from '../../api.js';
import { allChecks } from '../../mistral/all-checks.js';
import type { OptionRow } from '../../options/row.js';
import type { ValueType } from '../../options/value-types.js';
import { setAt } from '../../options/paths.js';
import { OPTIONS, type TableRow } from '../../options/table.js';
import { type OptionSpec, type Parsed, parse } from '../args.js';
import { UsageError } from '../errors.js';

type FlagRow = TableRow & { flag: string };

/** node:util parseArgs's spec of the rows' flags. */
export function flagSpec(rows: readonly TableRow[] = OPTIONS): OptionSpec {
  return Object.fromEntries(
    rows
      .filter((r): r is FlagRow => 'flag' in r && r.flag !== undefined)
      .map((r) => [r.flag, { type: r.value.switch ? 'boolean' : 'string', ...('repeatable' in r && r.repeatable ? { multiple: true } : {}) }]),
  );
}

const RUN_FLAGS = flagSpec();

type CliRow = Extract<TableRow, { scope: 'cli' }>;
type OptionValueOf<R> = R extends { value: ValueType<infer _C, infer O> } ? O : never;
/** The `run` command's own settings; those with a default always have a value. */
export type RunCommandFlags = { [R in CliRow as R['name']]: R extends { default: unknown } ? OptionValueOf<R> : OptionValueOf<R> | undefined };

export interface RunArgs {
  /** Only the options given, so that a config file can fill the rest. */
  options: Partial<ConformanceOptions>;
  command: RunCommandFlags;
}

/** `run`'s flags; `'help'` when --help was asked (the other flags are then not judged). */
export function parseRunArgs(argv: string[]): RunArgs | 'help' {
  const { values } = parse(argv, RUN_FLAGS, false);
  return values.help ? 'help' : fromValues(values);
}

/** Parsed flags as run options and command settings; bad values are usage errors naming the flag. */
export function fromValues(values: Parsed['values'], rows: readonly TableRow[] = OPTIONS): RunArgs {
  const options: Record<string, unknown> = {};
  const command: Record<string, unknown> = {};
  for (const r of rows) {
    const input = 'flag' in r && r.flag !== undefined ? values[r.flag] : undefined;
    const value = input === undefined ? undefined : flagValue(r as FlagRow, input);
    if (r.scope === 'cli') command[r.name] = value ?? ('default' in r ? r.default : undefined);
    if (value === undefined) continue;
    const apply: OptionRow['apply'] = 'apply' in r ? r.apply : undefined;
    if (apply) apply(options, value);
    else if (r.scope === 'run') setAt(options, r.name, value);
  }
  checkCheckIds(options);
  return { options: options as Partial<ConformanceOptions>, command: command as RunCommandFlags };
}

function flagValue(r: FlagRow, input: NonNullable<Parsed['values'][string]>): unknown {
  try {
    return r.value.fromFlag(input, r.flag);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** Check ids are known only to the suite: a typo would otherwise silently run nothing (or everything). */
function checkCheckIds(options: Partial<ConformanceOptions>): void {
  const known = new Set(allChecks().map((c) => c.id));
  const unknown = [...(options.checks ?? []), ...(options.skipChecks ?? [])].filter((id) => !known.has(id));
  if (unknown.length) throw new UsageError(`unknown check id ${unknown.join(', ')} (see the README's table of checks)`);
}
