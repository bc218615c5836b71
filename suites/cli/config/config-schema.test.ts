// config.schema.json (for editors) is the schema built from the options table, and a plain Ajv, as an
// editor would use it, accepts the good configurations and rejects the bad ones it can express.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { BAD_CONFIGS } from './config-cases.fixture.js';
import { buildConfigSchema, renderConfigSchema } from './config-schema.js';
import { configIssues } from './validate-config.js';

const read = (name: string): string => readFileSync(new URL(name, import.meta.url), 'utf8');
const schema = JSON.parse(read('./config.schema.json')) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
const validate = ajv.compile(schema);

const GOOD: unknown[] = [
  {},
  JSON.parse(read('./mistral-conformance.config.example.json')),
  { errata: false, spec: './openapi.yaml', targets: { local: { url: 'http://127.0.0.1:4010' } } },
  {
    targets: {
      'vendor-b.eu': { url: 'https://x.example/v', auth: { header: 'api-token', scheme: 'Token' }, phases: ['examples', 'stateful'], readOnly: true },
    },
  },
  { defaults: { statusPolicy: { '4XX': 'warn', '5xx': { '*': 'fail', unknown: 'warn' } }, rateLimit: { requestsPerSecond: 0.5, maxRetries: 0 } } },
];

describe('config.schema.json', () => {
  it('is the schema built from the options table (npm run docs writes it)', () => {
    expect(read('./config.schema.json')).toBe(renderConfigSchema());
  });

  it('is a description-rich 2020-12 schema', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const settings = (schema.$defs as Record<string, { properties: Record<string, { description?: string }> }>).settings!;
    for (const [key, prop] of Object.entries(settings.properties)) expect(prop.description, key).toBeTruthy();
  });

  it.each(GOOD.map((c, i) => [i, c] as const))('accepts good configuration #%i like the validator does', (_i, config) => {
    expect(configIssues(config).issues).toEqual([]);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(BAD_CONFIGS.filter((c) => c.schema !== false).map((c) => [c.name, c] as const))('rejects %s like the validator does', (_name, c) => {
    expect(configIssues(c.config).issues.length).toBeGreaterThan(0);
    expect(validate(c.config)).toBe(false);
  });

  it('names every config key of the table, dotted keys as objects', () => {
    const built = buildConfigSchema() as { $defs: { settings: { properties: Record<string, { properties?: object }> } } };
    expect(Object.keys(built.$defs.settings.properties.budgets?.properties ?? {})).toEqual(['maxRequests', 'maxTotalTokens', 'maxDurationMs']);
    expect(Object.keys(built.$defs.settings.properties.rateLimit?.properties ?? {})).toEqual(['requestsPerSecond', 'maxRetries', 'maxRetryWaitMs']);
  });
});
