// The secrets the command line knows, for the one place that has no run at hand: the error line of a
// command that failed (main.ts). Each run registers its own secrets here as well as in its registry.
import { createSecretRegistry, type SecretRegistry } from '../engine/secrets/registry.js';
import { DEFAULT_API_KEY_ENV } from '../options/table.js';

const processSecrets: SecretRegistry = createSecretRegistry();

/** The registry an error line is redacted with: every run's secrets, and the default key variable. */
export function cliSecrets(env: NodeJS.ProcessEnv = process.env): SecretRegistry {
  return processSecrets.add(env[DEFAULT_API_KEY_ENV]);
}
