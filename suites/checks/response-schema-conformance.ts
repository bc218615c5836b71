import { findMediaType, findResponse } from '../openapi/model.js';
import type { ValidationIssue } from '../openapi/validation.js';
import { clip, wholeLength } from '../engine/clip.js';
import { defineCheck, is2xx } from './define-check.js';

const MAX_ISSUES = 8;

export function formatIssues(issues: ValidationIssue[]): string {
  const lines = issues.slice(0, MAX_ISSUES).map((i) => `  ${i.instancePath || '(root)'}: ${i.message}  [${i.schemaPath}]`);
  if (issues.length > MAX_ISSUES) lines.push(`  … and ${issues.length - MAX_ISSUES} more`);
  return lines.join('\n');
}

/**
 * A successful JSON body validates against the documented schema (JSON Schema 2020-12, defaults
 * never filled). Streams are judged event by event by `sse-event-schema`; error bodies by
 * `error-body-conformance`. When the run validates the literal spec (`--no-errata`) and the
 * corrected spec accepts the body, the failure is the document's, and is labelled so.
 */
export const responseSchemaConformance = defineCheck({
  scope: 'exchange',
  id: 'response-schema-conformance',
  title: 'Response violates schema',
  severity: 'high',
  category: 'schema',
  description: 'A 2xx JSON body validates against the schema documented for its status and media type.',
  applies({ exchange, operation }) {
    const res = exchange.response;
    if (!res || !is2xx(res.status) || res.sse) return false;
    const media = findMediaType(findResponse(operation, res.status)?.content ?? [], res.contentType);
    return media?.schemaPointer !== undefined && /json/i.test(media.mediaType);
  },
  run({ exchange, operation, spec }) {
    const res = exchange.response!;
    const media = findMediaType(findResponse(operation, res.status)!.content, res.contentType)!;
    if (res.truncated)
      return { message: `Received: a body larger than the size cap (${res.bytes} bytes read), not validated\nExpected: a complete ${media.mediaType} body` };
    if (res.json === undefined) {
      return {
        message: `Received: a body that is not JSON (${res.jsonError ?? 'empty'}): ${clip(res.bodyText, 200, wholeLength)}\nDocumented: ${media.mediaType}`,
      };
    }
    const result = spec.validators.validate(media.schemaPointer!, res.json);
    if (result.valid) return undefined;
    const corrected = spec.corrected?.validators.validate(media.schemaPointer!, res.json);
    if (corrected?.valid) {
      const errata = spec
        .corrected!.errata.filter((e) => e.matched > 0)
        .map((e) => e.id)
        .join(', ');
      return {
        kind: 'spec',
        message: `The body fails the literal spec but passes it with the errata (${errata}): a defect of the document, not the server.\n${formatIssues(result.issues)}`,
      };
    }
    return { message: `Received: a body that violates ${media.mediaType} schema of ${res.status}:\n${formatIssues(result.issues)}` };
  },
});
