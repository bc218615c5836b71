// config.schema.json, built from the options table: the skeleton of the file (defaults, targets) here,
// every option's key, shape and description from its row. `npm run docs` writes the file for editors;
// the config validator compiles the same object, and a test keeps the file equal to it.
import { CONFIG_GROUPS, OPTIONS, type TableRow } from '../../options/table.js';
import { defaultText, type ConfigPlace } from '../../options/row.js';
import { VERDICTS } from '../../options/structured-values.js';
import type { JsonSchema } from '../../options/value-types.js';

export const TARGET_NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.-]*$';

export function buildConfigSchema(rows: readonly TableRow[] = OPTIONS): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'mistral-conformance configuration',
    description:
      'Configuration of mistral-conformance: the servers (targets) to test and how. Reference this schema with "$schema" for completion in editors. Generated from the options table (npm run docs).',
    type: 'object',
    errorMessage: 'the file must hold a JSON object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'Path or URL of this schema, for editor completion.' },
      ...properties(rows, 'file'),
      defaults: {
        description: "Settings every target inherits; a target's own settings and then command-line flags override them.",
        type: 'object',
        $ref: '#/$defs/settings',
        properties: { url: { not: {}, errorMessage: 'is not allowed: each target sets its own url' } },
        unevaluatedProperties: false,
      },
      targets: {
        description: 'Named servers to test. `--target-name <name>` picks one; without it every target runs (vendor comparison).',
        type: 'object',
        errorMessage: 'must be an object of named targets',
        propertyNames: { pattern: TARGET_NAME_PATTERN, errorMessage: 'is not a valid target name (letters, digits, _ . - ; starting with a letter or digit)' },
        additionalProperties: { $ref: '#/$defs/target' },
      },
    },
    $defs: {
      verdict: { enum: [...VERDICTS], description: 'pass: allowed; warn: reported, does not fail the run; fail: fails the run.' },
      target: {
        type: 'object',
        description: 'One server under test.',
        // A target is a server: it needs the base URL (the run option `target`).
        required: rowsAt(rows, 'target')
          .filter((r) => r.name === 'target')
          .map((r) => r.config),
        $ref: '#/$defs/settings',
        properties: properties(rows, 'target'),
        unevaluatedProperties: false,
      },
      settings: { type: 'object', properties: properties(rows, 'settings') },
    },
  };
}

type ConfigRow = TableRow & { config: string };

function rowsAt(rows: readonly TableRow[], place: ConfigPlace): ConfigRow[] {
  return rows.filter((r): r is ConfigRow => 'config' in r && r.config !== undefined && (('configPlace' in r && r.configPlace) || 'settings') === place);
}

/** The keys of one place, in table order; dotted keys become objects of their own (budgets, rateLimit). */
function properties(rows: readonly TableRow[], place: ConfigPlace): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const r of rowsAt(rows, place)) {
    const [head, leaf] = r.config.split('.') as [string, string | undefined];
    if (leaf === undefined) {
      out[head] = { ...r.value.schema, description: describe(r) };
      continue;
    }
    const group = (out[head] ??= { type: 'object', description: CONFIG_GROUPS[head] ?? head, additionalProperties: false, properties: {} });
    (group.properties as Record<string, JsonSchema>)[leaf] = { ...r.value.schema, description: describe(r) };
  }
  return out;
}

function describe(r: TableRow): string {
  if ('configHelp' in r && r.configHelp) return r.configHelp;
  const text = `${r.help.charAt(0).toUpperCase()}${r.help.slice(1)}.`;
  const d = defaultText(r);
  return d === undefined ? text : `${text} Default: ${d}.`;
}

/** Where the schema is shipped (package-relative), for `$schema` in users' config files. */
export const CONFIG_SCHEMA_PATH = 'suites/cli/config/config.schema.json';

/** The file's text. */
export function renderConfigSchema(): string {
  return `${JSON.stringify(buildConfigSchema(), null, 2)}\n`;
}
