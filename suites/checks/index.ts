// The generic checks, valid for any OpenAPI document.
import type { Check } from '../engine/types.js';
import { contentTypeConformance } from './content-type-conformance.js';
import { credentialReflection } from './credential-reflection.js';
import { errorBodyConformance } from './error-body-conformance.js';
import { ignoredAuth } from './ignored-auth.js';
import { negativeDataRejection } from './negative-data-rejection.js';
import { notAServerError } from './not-a-server-error.js';
import { positiveDataAcceptance } from './positive-data-acceptance.js';
import { responseSchemaConformance } from './response-schema-conformance.js';
import { sseChecks } from './sse-checks.js';
import { statusCodeConformance } from './status-code-conformance.js';

export const genericChecks: Check[] = [
  notAServerError,
  statusCodeConformance,
  contentTypeConformance,
  responseSchemaConformance,
  negativeDataRejection,
  positiveDataAcceptance,
  errorBodyConformance,
  ignoredAuth,
  credentialReflection,
  ...sseChecks,
];
