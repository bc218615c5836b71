// The constraint a recorded request broke, named as a generated negative case names it, so a
// recording that was invalid but accepted reads "sent temperature = 2 (maximum 1.5), got 200" rather
// than "Invalid request accepted". Chosen among the validator's issues: the deepest place wins (a
// union's own `anyOf` error says less than the branch error beneath it).
import type { ValidationIssue } from '../../openapi/validation.js';
import { formatKeys } from '../../generate/value-path.js';
import type { Violation } from '../types.js';

const UNION_KEYWORDS = new Set(['anyOf', 'oneOf', 'if', 'then', 'else', 'not', 'discriminator']);

function keysOf(instancePath: string): Array<string | number> {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((k) => (/^(0|[1-9]\d*)$/.test(k) ? Number(k) : k));
}

export function recordedViolation(issues: ValidationIssue[], value: unknown): Violation | undefined {
  if (!issues.length) return undefined;
  const depth = (i: ValidationIssue) => keysOf(i.instancePath).length;
  const ranked = [...issues].sort((a, b) => Number(UNION_KEYWORDS.has(a.keyword)) - Number(UNION_KEYWORDS.has(b.keyword)) || depth(b) - depth(a));
  const issue = ranked[0]!;
  const keys = keysOf(issue.instancePath);
  // `required` and `additionalProperties` are reported on the object: name the property itself.
  const named = /"([^"]+)"/.exec(issue.message)?.[1] ?? /property '([^']+)'/.exec(issue.message)?.[1];
  const place = (issue.keyword === 'required' || issue.keyword === 'additionalProperties') && named ? [...keys, named] : keys;
  const location = `body${formatKeys(place)}`;
  const sent = issue.keyword === 'required' ? 'missing' : `= ${JSON.stringify(valueAt(value, keys)) ?? 'undefined'}`;
  return {
    constraint: issue.keyword,
    location,
    detail: `${location.replace(/^body\./, '')} ${sent} (${issue.message})`,
    expectedLoc: ['body', ...place],
  };
}

function valueAt(root: unknown, keys: Array<string | number>): unknown {
  let cur = root;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  const text = JSON.stringify(cur);
  return text !== undefined && text.length > 60 ? `${text.slice(0, 57)}…` : cur;
}
