// Errors the command line turns into one line and an exit code, never a stack trace.
import { escapeControls } from '../../reporters/control-chars.js';
import { createRedactor } from '../engine/secrets/redactor.js';

/** Exit codes: 0 all passed, 1 at least one failure, 2 could not run. */
export const EXIT = { pass: 0, fail: 1, usage: 2, interrupted: 130 } as const;

export class UsageError extends Error {
  override name = 'UsageError';
}

export function formatError(err: unknown, secrets: string[] = []): string {
  let message = err instanceof Error ? err.message : String(err);
  // Redacted whole, then cut to its first line: every form of every secret (see secrets/forms.ts).
  if (secrets.length) message = createRedactor(secrets).text(message);
  message = message.split('\n')[0] ?? message;
  // A target's words may be in the message (an error body): no terminal sequence reaches stderr.
  message = escapeControls(message);
  return message.startsWith('[mistral-conformance]') ? message : `[mistral-conformance] ${message}`;
}
