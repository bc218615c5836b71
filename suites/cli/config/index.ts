// The configuration API the CLI uses.
export { ConfigError, type ConfigIssue } from './config-error.js';
export { CONFIG_FILE_NAMES, findConfigFile, loadConfig } from './load-config.js';
export { DEFAULT_API_KEY_ENV, policyTable, resolveTargets, type ResolveOptions } from './resolve-targets.js';
export type * from './types.js';
export { configIssues, overrideIssues, validateConfig } from './validate-config.js';
