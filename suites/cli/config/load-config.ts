// Reads a configuration file: JSON, or a module exporting the configuration as default (`.mjs`/`.js`;
// `.ts` only where the runtime can import TypeScript, e.g. under vitest). Paths in the file are
// relative to the file.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from './config-error.js';
import { stripJsonComments } from './strip-json-comments.js';
import type { RunConfig } from './types.js';
import { validateConfig } from './validate-config.js';

export const CONFIG_FILE_NAMES = [
  'mistral-conformance.config.json',
  'mistral-conformance.config.mjs',
  'mistral-conformance.config.js',
  'mistral-conformance.config.ts',
];

/** The configuration file in `dir`, if there is one. */
export function findConfigFile(dir: string): string | undefined {
  return CONFIG_FILE_NAMES.map((name) => join(dir, name)).find((p) => existsSync(p));
}

/** The folder holding `.git` (a folder, or a file in a worktree) at or above `dir`, if any. */
export function gitRoot(dir: string): string | undefined {
  let cur = resolve(dir);
  for (;;) {
    if (existsSync(join(cur, '.git'))) return cur;
    const parent = dirname(cur);
    if (parent === cur) return undefined;
    cur = parent;
  }
}

/** What `run` reads without --config: the file in the working directory, else at the git root. */
export function discoverConfigFile(cwd: string): string | undefined {
  const here = findConfigFile(cwd);
  if (here) return here;
  const root = gitRoot(cwd);
  return root && root !== resolve(cwd) ? findConfigFile(root) : undefined;
}

export async function loadConfig(path: string): Promise<RunConfig> {
  const file = resolve(path);
  const ext = extname(file).toLowerCase();
  let raw: unknown;
  if (ext === '.json') raw = await readJson(file, path);
  else if (ext === '.mjs' || ext === '.js' || ext === '.ts' || ext === '.mts') raw = await importDefault(file, path, ext);
  else throw new ConfigError(`${path} is not a .json, .mjs, .js or .ts file. Name it mistral-conformance.config.json`);
  const config = validateConfig(raw);
  config.source = file;
  const base = dirname(file);
  if (config.spec !== undefined) config.spec = resolveLocation(base, config.spec);
  if (typeof config.errata === 'string') config.errata = resolveLocation(base, config.errata);
  return config;
}

function resolveLocation(base: string, location: string): string {
  if (/^https?:\/\//i.test(location) || isAbsolute(location)) return location;
  return resolve(base, location);
}

async function readJson(file: string, shown: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${shown} ${describeFsError(error)}`);
  }
  try {
    return JSON.parse(stripJsonComments(text.replace(/^\uFEFF/, '')));
  } catch (error) {
    throw new ConfigError(`${shown} is not valid JSON: ${jsonErrorWhere(error, text)}`);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'does not exist. Create it or pass the path of your config file';
  if (code === 'EISDIR') return 'is a directory, not a config file';
  if (code === 'EACCES') return 'cannot be read (permission denied)';
  return `cannot be read (${code ?? firstLine(error)})`;
}

/** Node reports JSON errors by character position; editors want line and column. */
function jsonErrorWhere(error: unknown, text: string): string {
  const message = firstLine(error);
  const match = /position (\d+)/.exec(message);
  if (!match) return message;
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '').replace(/,? *at position \d+.*$/, '')} at line ${line} column ${column}`;
}

async function importDefault(file: string, shown: string, ext: string): Promise<unknown> {
  if (!existsSync(file)) throw new ConfigError(`${shown} does not exist. Create it or pass the path of your config file`);
  let mod: { default?: unknown };
  try {
    mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    throw importError(error, shown, ext);
  }
  let value = mod.default;
  if (value === undefined) throw new ConfigError(`${shown} has no default export. Write \`export default { targets: { ... } }\``);
  // A function lets a config compute itself (e.g. pick targets from the environment).
  if (typeof value === 'function') {
    try {
      value = await (value as () => unknown)();
    } catch (error) {
      throw new ConfigError(`${shown}: its default export threw: ${firstLine(error)}`);
    }
  }
  return value;
}

/** Plain Node 20 cannot import `.ts`: say what to use instead rather than Node's own error. */
export function importError(error: unknown, shown: string, ext: string): ConfigError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if ((ext === '.ts' || ext === '.mts') && (code === 'ERR_UNKNOWN_FILE_EXTENSION' || code === 'ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING')) {
    return new ConfigError(`${shown}: this Node cannot load TypeScript config files. Use mistral-conformance.config.json or .mjs`);
  }
  return new ConfigError(`${shown} could not be imported: ${firstLine(error)}`);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

// The CLI reads the configuration API from here.
export { resolveTargets } from './resolve-targets.js';
export type { CliOverrides, ResolvedTarget, RunConfig, TargetRunOptions } from './types.js';
