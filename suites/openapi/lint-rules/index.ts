// Every lint rule, in report order. Adding a rule: one file, its rows in lint-rules.test.ts, one line here.
import { defaultInvalid } from './default-invalid.js';
import { discriminatorMapping } from './discriminator-mapping.js';
import { discriminatorNotRequired } from './discriminator-not-required.js';
import { duplicateOperationId } from './duplicate-operation-id.js';
import { exampleInvalid } from './example-invalid.js';
import { exclusiveBoundBoolean } from './exclusive-bound-boolean.js';
import { localDefsRef } from './local-defs-ref.js';
import { nullableIn31 } from './nullable-in-31.js';
import { pathParameters } from './path-parameters.js';
import { patternUnchecked } from './pattern-unchecked.js';
import { securityWithout401 } from './security-without-401.js';
import { sseEnvelope } from './sse-envelope.js';
import { streamUndocumented } from './stream-undocumented.js';
import { tupleItems } from './tuple-items.js';
import type { LintRule } from './types.js';
import { undeclaredRequired } from './undeclared-required.js';
import { unresolvableRef } from './unresolvable-ref.js';

export const LINT_RULES: readonly LintRule[] = [
  unresolvableRef,
  localDefsRef,
  undeclaredRequired,
  tupleItems,
  nullableIn31,
  exclusiveBoundBoolean,
  discriminatorNotRequired,
  discriminatorMapping,
  exampleInvalid,
  defaultInvalid,
  pathParameters,
  duplicateOperationId,
  streamUndocumented,
  sseEnvelope,
  securityWithout401,
  patternUnchecked,
];

export type { LintContext, LintRule, LintSeverity, RuleFinding } from './types.js';
