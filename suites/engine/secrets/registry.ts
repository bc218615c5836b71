// One list of the run's secrets, filled before anything is sent (the API key from the environment or
// the options, values of credential headers, headers the user marked secret) and handed to the
// transport, the event log, every reporter, the console and the error line. Its redactor is rebuilt
// only when a secret is added.
import { createRedactor, type Redactor } from './redactor.js';

export interface SecretRegistry {
  /** Adds secrets (empty, undefined and duplicates are ignored); returns the registry. */
  add(...values: ReadonlyArray<string | undefined>): SecretRegistry;
  /** The secrets so far, raw. */
  values(): string[];
  /** A redactor over every secret added so far. */
  redactor(): Redactor;
}

export function createSecretRegistry(initial: ReadonlyArray<string | undefined> = []): SecretRegistry {
  const values = new Set<string>();
  let cached: Redactor | undefined;
  const registry: SecretRegistry = {
    add(...more) {
      for (const v of more) {
        if (typeof v === 'string' && v !== '' && !values.has(v)) {
          values.add(v);
          cached = undefined;
        }
      }
      return registry;
    },
    values: () => [...values],
    redactor: () => (cached ??= createRedactor([...values])),
  };
  return registry.add(...initial);
}
