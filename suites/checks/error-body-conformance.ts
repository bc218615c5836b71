import { getAtPointer } from '../openapi/json-pointer.js';
import { findMediaType, findResponse } from '../openapi/model.js';
import { isObject } from '../openapi/is-object.js';
import { clip, wholeLength } from '../engine/clip.js';
import { defineCheck, expectationOf, is4xx } from './define-check.js';
import { formatIssues } from './response-schema-conformance.js';

function sameLoc(a: Array<string | number>, b: Array<string | number>): boolean {
  // Servers add tags for unions (pydantic: ['body','messages',0,'user','role']); either being a prefix
  // of the other, or equal once such tags are skipped, points at the same field.
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (String(a[i]) !== String(b[i])) return false;
  return true;
}

function locPointsAt(loc: unknown, expected: Array<string | number>): boolean {
  if (!Array.isArray(loc)) return false;
  if (sameLoc(loc, expected) && loc.length >= Math.min(expected.length, 2)) return true;
  // Allow extra discriminator tags anywhere: every expected element appears in order.
  let j = 0;
  for (const part of loc) if (j < expected.length && String(part) === String(expected[j])) j++;
  return j === expected.length;
}

/** Declared property names of the schema at `pointer` (following `$ref`s), if it declares any. */
function declaredProperties(doc: unknown, pointer: string): string[] {
  let schema = getAtPointer(doc, pointer);
  for (let i = 0; i < 16 && isObject(schema) && typeof schema.$ref === 'string' && schema.$ref.startsWith('#'); i++)
    schema = getAtPointer(doc, schema.$ref.slice(1));
  return isObject(schema) && isObject(schema.properties) ? Object.keys(schema.properties) : [];
}

/**
 * A 4xx error body has the documented shape (HTTPValidationError for 422, its `loc` pointing at the
 * field the case actually broke), or, for undocumented statuses, the shape the status policy expects.
 */
export const errorBodyConformance = defineCheck({
  scope: 'exchange',
  id: 'error-body-conformance',
  title: 'Error body not in the documented shape',
  severity: 'medium',
  category: 'negative',
  description: 'A 4xx body matches its documented schema (422: HTTPValidationError whose loc names the broken field) or the policy shape.',
  applies: ({ exchange }) => exchange.response !== undefined && is4xx(exchange.response.status),
  run(ctx) {
    const res = ctx.exchange.response!;
    const documented = findResponse(ctx.operation, res.status);
    const media = documented ? findMediaType(documented.content, res.contentType || 'application/json') : undefined;
    if (documented && media?.schemaPointer) {
      if (res.json === undefined)
        return { message: `Received: ${res.status} with a body that is not JSON: ${clip(res.bodyText, 200, wholeLength)}\nDocumented: ${media.mediaType}` };
      let result = ctx.spec.validators.validate(media.schemaPointer, res.json);
      // HTTPValidationError requires nothing, so any object validates; a body sharing none of its
      // declared properties (`detail`) is not that shape all the same.
      const declared = declaredProperties(ctx.spec.document, media.schemaPointer);
      if (result.valid && isObject(res.json) && declared.length > 0 && !Object.keys(res.json).some((k) => declared.includes(k))) {
        result = {
          valid: false,
          issues: [
            {
              instancePath: '',
              schemaPath: media.schemaPointer,
              keyword: 'properties',
              message: `has none of the documented properties (${declared.join(', ')})`,
            },
          ],
        };
      }
      if (!result.valid) {
        const extra = ctx.policy.errorBodyProblems?.(res.status, res.json);
        // The policy may know the body as a real-world shape of this API (a warning, not a failure).
        const known = extra !== undefined && extra.length === 0;
        return {
          message: `Received: a ${res.status} body that violates the documented schema${known ? ' (a shape this API is known to use; see the status policy)' : ''}:\n${formatIssues(result.issues)}\nBody: ${clip(res.bodyText, 300, wholeLength)}`,
          warning: known,
        };
      }
      const expectedLoc = ctx.testCase.violation?.expectedLoc;
      if (res.status === 422 && expectedLoc && expectationOf(ctx) === 'reject' && isObject(res.json) && Array.isArray(res.json.detail)) {
        const locs = res.json.detail.map((d) => (isObject(d) ? d.loc : undefined));
        if (!locs.some((l) => locPointsAt(l, expectedLoc))) {
          return {
            message: `Sent ${ctx.testCase.violation!.detail}; the 422 names ${JSON.stringify(locs)}\nExpected: a detail whose loc is ${JSON.stringify(expectedLoc)}`,
          };
        }
      }
      return undefined;
    }
    const problems = ctx.policy.errorBodyProblems?.(res.status, res.json ?? res.bodyText);
    if (problems?.length) return { message: `Received: ${res.status} body ${clip(res.bodyText, 200, wholeLength)}\n${problems.join('\n')}` };
    return undefined;
  },
});
