// Validates a value against the schema at a pointer; undefined when that schema cannot be compiled
// (an unresolvable ref, reported by its own rule).
import type { ValidationResult } from '../validation.js';
import type { LintContext } from './types.js';

export function validateAt(ctx: LintContext, schemaPointer: string, value: unknown): ValidationResult | undefined {
  try {
    return ctx.validators().validate(schemaPointer, value);
  } catch {
    return undefined;
  }
}

export function describeFailure(result: ValidationResult): string {
  const first = result.issues[0];
  if (!first) return 'fails its schema';
  const more = result.issues.length > 1 ? ` (+${result.issues.length - 1} more)` : '';
  return `fails its schema: ${first.instancePath || '(root)'} ${first.message}${more}`;
}
