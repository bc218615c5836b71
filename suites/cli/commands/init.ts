// `mistral-conformance init`: writes a commented starter config in the working directory, where `run`
// finds it. It never overwrites: an existing config of any supported name is refused (a new JSON file
// would silently shadow a .mjs one).
import { writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { packageRoot } from '../../openapi/paths.js';
import { DEFAULT_API_KEY_ENV } from '../../options/table.js';
import { baseUrlProblem, looksLikeKey } from '../../options/value-types.js';
import { parse, str } from '../args.js';
import { CONFIG_SCHEMA_PATH } from '../config/config-schema.js';
import { CONFIG_FILE_NAMES, findConfigFile } from '../config/load-config.js';
import { EXIT, UsageError } from '../errors.js';

export const INIT_FILE = CONFIG_FILE_NAMES[0]!;

const HELP = `Usage: mistral-conformance init [--target URL] [--api-key-env NAME]

Writes ${INIT_FILE} in the current directory: a starter config with comments, one
target to edit, and budgets that keep a run against a paid API cheap. \`run\` then finds it here (or at
the git root). An existing config is never overwritten.
  --target URL         the server to test (default http://127.0.0.1:8080, the reference server of \`serve\`)
  --api-key-env NAME   environment variable holding its key (default ${DEFAULT_API_KEY_ENV}; never the key itself)
`;

export interface StarterOptions {
  target: string;
  apiKeyEnv: string;
  /** `$schema`: where the config's JSON Schema is, as the file will reach it. */
  schema: string;
}

/** The starter config: JSON with comments (the loader strips them). */
export function renderStarterConfig(o: StarterOptions): string {
  const q = (v: string): string => JSON.stringify(v);
  return `// mistral-conformance configuration, written by \`mistral-conformance init\`.
// \`mistral-conformance run\` reads it from this folder (or from the git root); \`run --config FILE\` names
// another. Comments are allowed. Every key is in the README's table of options ("config file" column);
// "$schema" gives editors completion and checks as you type.
{
  "$schema": ${q(o.schema)},
  "defaults": {
    // The NAME of the environment variable holding the API key: keys never go in this file.
    "apiKeyEnv": ${q(o.apiKeyEnv)},
    // Caps on what one run may spend against a paid API; the run stops (exit 0 if nothing failed,
    // its report marked incomplete) when one is reached.
    "budgets": { "maxRequests": 500, "maxTotalTokens": 200000, "maxDurationMs": 600000 },
    // At most 2 requests per second; 429/503 answers retried up to 4 times, honouring Retry-After.
    "rateLimit": { "requestsPerSecond": 2, "maxRetries": 4 },
    // Cap on max_tokens in generated requests.
    "maxTokens": 16
  },
  "targets": {
    // One entry per server; \`run\` tests each in turn and compares them, \`run --target-name NAME\` one.
    "local": {
      "url": ${q(o.target)},
      "description": "the server under test"
      // Other keys, per target or in "defaults":
      // "models": ["mistral-small-latest"],          model ids to use (default: GET /v1/models)
      // "include": ["chat", "embeddings"],           only these tags or operationIds
      // "auth": { "header": "x-api-key" },           the key in another header than Authorization: Bearer
      // "headers": { "x-tenant": "conformance" },    sent with every request
      // "readOnly": true,                            no POST, PATCH, PUT or DELETE
      // "statusPolicy": { "429": "warn" }            how an undocumented status is judged
    }
  }
}
`;
}

/** `$schema` as the new file reaches the installed schema: relative to it, with forward slashes. */
function schemaReference(dir: string): string {
  const rel = relative(dir, join(packageRoot(), CONFIG_SCHEMA_PATH)).split(sep).join('/');
  return rel.startsWith('.') || rel.startsWith('/') ? rel : `./${rel}`;
}

/** `cwd`: the folder to write in (tests pass one; the command uses the working directory). */
export async function initCommand(argv: string[], cwd = process.cwd()): Promise<number> {
  const { values } = parse(argv, { target: { type: 'string' }, 'api-key-env': { type: 'string' } }, false);
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.pass;
  }
  const target = str(values, 'target') ?? 'http://127.0.0.1:8080';
  const urlProblem = baseUrlProblem(target);
  if (urlProblem) throw new UsageError(`Failed to write config: --target ${urlProblem.message}${urlProblem.showValue ? ` (got "${target}")` : ''}`);
  const apiKeyEnv = str(values, 'api-key-env') ?? DEFAULT_API_KEY_ENV;
  // Never echoed: users sometimes paste the key itself.
  if (looksLikeKey(apiKeyEnv) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(apiKeyEnv))
    throw new UsageError('Failed to write config: --api-key-env must be the NAME of an environment variable (letters, digits and _), not the key');
  const dir = cwd;
  const existing = findConfigFile(dir);
  if (existing) throw new UsageError(`Failed to write config: ${relative(dir, existing)} already exists here. Edit it, or remove it and run init again`);
  const file = join(dir, INIT_FILE);
  try {
    // 'wx': never replaces a file that appeared meanwhile, never follows a planted symlink.
    await writeFile(file, renderStarterConfig({ target, apiKeyEnv, schema: schemaReference(dir) }), { flag: 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(
      `Failed to write config: ${INIT_FILE} ${code === 'EEXIST' ? 'already exists here' : `could not be written (${code ?? String(err)})`}. Check the folder`,
    );
  }
  process.stdout.write(`Wrote ${INIT_FILE} (target "local" at ${target}). Edit it, put the key in $${apiKeyEnv}, then: mistral-conformance run\n`);
  return EXIT.pass;
}
