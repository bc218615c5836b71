// A lint rule is data (id, severity, what it checks) plus a pure function over one document.
import type { Operation } from '../model.js';
import type { SchemaValidators } from '../validation.js';

export type Obj = Record<string, unknown>;
export type LintSeverity = 'error' | 'warning';

export interface RuleFinding {
  /** JSON pointer into the linted document. */
  pointer: string;
  message: string;
}

export interface LintContext {
  doc: Obj;
  /** True for OpenAPI 3.1 documents (JSON Schema 2020-12 dialect). */
  is31: boolean;
  /** Every schema and subschema of the document with its pointer, parents before children. */
  schemas: Array<[string, Obj]>;
  operations: Operation[];
  /** Validators over the document normalised to 2020-12 (compiled lazily; pointers are the same). */
  validators(): SchemaValidators;
}

export interface LintRule {
  id: string;
  severity: LintSeverity;
  description: string;
  check(ctx: LintContext): RuleFinding[];
}
