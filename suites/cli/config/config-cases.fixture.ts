// Invalid configurations with the exact error each must produce; shared by the validator's test and
// the schema's test (`schema: false` marks rules only the validator can express).
export interface BadConfigCase {
  name: string;
  config: unknown;
  /** The one-line error, after `[mistral-conformance] Failed to read config: `. */
  message: string;
  schema?: boolean;
}

const target = (extra: Record<string, unknown>): unknown => ({ targets: { vendorA: { url: 'http://127.0.0.1:8080', ...extra } } });

export const BAD_CONFIGS: BadConfigCase[] = [
  { name: 'not an object', config: [], message: 'the file must hold a JSON object (got [])' },
  { name: 'unknown top-level key', config: { target: {} }, message: 'target is not a known key (did you mean "targets"?)' },
  { name: 'concurrency string', config: target({ concurrency: 'x' }), message: 'targets.vendorA.concurrency must be an integer ≥ 1 (got "x")' },
  { name: 'concurrency zero', config: target({ concurrency: 0 }), message: 'targets.vendorA.concurrency must be an integer ≥ 1 (got 0)' },
  { name: 'concurrency fraction', config: target({ concurrency: 1.5 }), message: 'targets.vendorA.concurrency must be an integer ≥ 1 (got 1.5)' },
  { name: 'misspelt key', config: target({ concurency: 2 }), message: 'targets.vendorA.concurency is not a known key (did you mean "concurrency"?)' },
  { name: 'missing url', config: { targets: { a: { models: ['m'] } } }, message: 'targets.a.url is required (the base URL of the server)' },
  { name: 'url not http', config: { targets: { a: { url: 'ftp://x' } } }, message: 'targets.a.url must be an http(s) URL (got "ftp://x")' },
  {
    name: 'url with credentials',
    config: { targets: { a: { url: 'https://user:s3cret@x.example' } } },
    message: 'targets.a.url must not carry credentials: set apiKeyEnv to the name of an environment variable holding the key',
    schema: false,
  },
  {
    name: 'url that does not parse',
    config: { targets: { a: { url: 'http://' } } },
    message: 'targets.a.url must be an http(s) URL (got "http://")',
    schema: false,
  },
  { name: 'target not an object', config: { targets: { a: 'http://x' } }, message: 'targets.a must be an object (got "http://x")' },
  { name: 'targets not an object', config: { targets: [] }, message: 'targets must be an object of named targets (got [])' },
  {
    name: 'bad target name',
    config: { targets: { 'a b': { url: 'http://x' } } },
    message: 'targets["a b"] is not a valid target name (letters, digits, _ . - ; starting with a letter or digit)',
  },
  { name: 'url in defaults', config: { defaults: { url: 'http://x' } }, message: 'defaults.url is not allowed: each target sets its own url' },
  {
    name: 'api key pasted as a key',
    config: target({ apiKey: 'abc' }),
    message:
      'targets.vendorA.apiKey is not allowed: API keys never go in the config file; set apiKeyEnv to the NAME of an environment variable holding the key',
  },
  {
    name: 'apiKeyEnv not a name',
    config: target({ apiKeyEnv: 'sk-live-123' }),
    message: 'targets.vendorA.apiKeyEnv must be the NAME of an environment variable (letters, digits and _, e.g. "MISTRAL_API_KEY")',
  },
  {
    name: 'apiKeyEnv is a key',
    config: target({ apiKeyEnv: 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY' }),
    message: 'targets.vendorA.apiKeyEnv looks like an API key, not the name of a variable: put the key in an environment variable and give its name here',
    schema: false,
  },
  { name: 'auth unknown word', config: target({ auth: 'basic' }), message: 'targets.vendorA.auth must be "bearer" or { "header": "<name>" } (got "basic")' },
  { name: 'auth without header', config: target({ auth: {} }), message: 'targets.vendorA.auth.header is required (e.g. "x-api-key")' },
  {
    name: 'auth bad header',
    config: target({ auth: { header: 'x api key' } }),
    message: 'targets.vendorA.auth.header must be an HTTP header name (got "x api key")',
  },
  { name: 'auth extra key', config: target({ auth: { header: 'x-api-key', prefix: 'Token' } }), message: 'targets.vendorA.auth.prefix is not a known key' },
  {
    name: 'credential header',
    config: target({ headers: { Authorization: 'Bearer abc' } }),
    message: 'targets.vendorA.headers.Authorization must not carry credentials: use auth and apiKeyEnv (the key is read from the environment and redacted)',
  },
  { name: 'header value not a string', config: target({ headers: { 'x-n': 3 } }), message: 'targets.vendorA.headers.x-n must be a string (got a number)' },
  {
    name: 'header value with newline',
    config: target({ headers: { 'x-n': 'a\r\nb: c' } }),
    message: 'targets.vendorA.headers.x-n must not contain line breaks',
  },
  { name: 'bad header name', config: target({ headers: { 'x n': 'v' } }), message: 'targets.vendorA.headers["x n"] is not a valid HTTP header name' },
  {
    name: 'models not an array',
    config: target({ models: 'mistral-small' }),
    message: 'targets.vendorA.models must be an array of strings (got "mistral-small")',
  },
  { name: 'empty model id', config: target({ models: ['a', ''] }), message: 'targets.vendorA.models[1] must be a non-empty string (got "")' },
  { name: 'exclude item not a string', config: { defaults: { exclude: [1] } }, message: 'defaults.exclude[0] must be a non-empty string (got 1)' },
  {
    name: 'status policy bad status',
    config: target({ statusPolicy: { '4xx0': 'warn' } }),
    message: 'targets.vendorA.statusPolicy["4xx0"] is not a status: use a code ("401") or a range ("4XX")',
  },
  {
    name: 'status policy default row',
    config: target({ statusPolicy: { default: 'warn' } }),
    message: 'targets.vendorA.statusPolicy.default is not a status: use a code ("401") or a range ("4XX")',
  },
  {
    name: 'status policy bad verdict',
    config: target({ statusPolicy: { '401': 'ok' } }),
    message: 'targets.vendorA.statusPolicy["401"] must be one of pass, warn, fail (got "ok")',
  },
  {
    name: 'status policy bad situation',
    config: target({ statusPolicy: { '401': { 'no-credential': 'pass' } } }),
    message:
      'targets.vendorA.statusPolicy["401"].no-credential is not a known situation (did you mean "no-credentials"?); known: valid, invalid-input, unknown-resource, no-credentials, invalid-credentials, forbidden-state, rate-limited, unsupported-model, unknown, *',
  },
  {
    name: 'status policy bad situation verdict',
    config: target({ statusPolicy: { '429': { '*': 'wran' } } }),
    message: 'targets.vendorA.statusPolicy["429"]["*"] must be one of pass, warn, fail (got "wran"); did you mean "warn"?',
  },
  { name: 'budget negative', config: { defaults: { budgets: { maxRequests: -1 } } }, message: 'defaults.budgets.maxRequests must be an integer ≥ 1 (got -1)' },
  {
    name: 'budget unknown',
    config: { defaults: { budgets: { maxTokens: 5 } } },
    message: 'defaults.budgets.maxTokens is not a known key (did you mean "maxTotalTokens"?)',
  },
  { name: 'budgets not an object', config: { defaults: { budgets: 5 } }, message: 'defaults.budgets must be an object (got 5)' },
  {
    name: 'rate limit zero',
    config: target({ rateLimit: { requestsPerSecond: 0 } }),
    message: 'targets.vendorA.rateLimit.requestsPerSecond must be a number > 0 (got 0)',
  },
  {
    name: 'rate limit retries negative',
    config: target({ rateLimit: { maxRetries: -2 } }),
    message: 'targets.vendorA.rateLimit.maxRetries must be an integer ≥ 0 (got -2)',
  },
  {
    name: 'phase unknown',
    config: target({ phases: ['positive', 'fuzz'] }),
    message: 'targets.vendorA.phases[1] must be one of examples, coverage, positive, negative, auth, semantic, stateful, probe (got "fuzz")',
  },
  { name: 'phases empty', config: target({ phases: [] }), message: 'targets.vendorA.phases must be a non-empty array of phases (got [])' },
  { name: 'readOnly not boolean', config: target({ readOnly: 'yes' }), message: 'targets.vendorA.readOnly must be true or false (got "yes")' },
  { name: 'agentId empty', config: target({ agentId: '' }), message: 'targets.vendorA.agentId must be a non-empty string (got "")' },
  { name: 'timeout not a number', config: target({ timeoutMs: '30s' }), message: 'targets.vendorA.timeoutMs must be an integer ≥ 1 (got "30s")' },
  {
    name: 'errata wrong type',
    config: { errata: 0 },
    message: "errata must be a path to an overlay, true (the contract's errata) or false (the literal spec) (got 0)",
  },
  { name: 'spec empty', config: { spec: '' }, message: 'spec must be a non-empty string (got "")' },
  { name: 'contract unknown', config: { contract: '2025-01' }, message: 'contract must be a known contract (2024-11, 2026-07) (got "2025-01")' },
  {
    name: 'several problems',
    config: target({ concurrency: 'x', maxTokens: 0 }),
    message: 'targets.vendorA.concurrency must be an integer ≥ 1 (got "x") (and 1 more problem)',
  },
];
