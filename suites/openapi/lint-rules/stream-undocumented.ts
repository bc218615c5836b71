// A request that can ask for `stream: true` while no success response documents an event stream:
// a conforming server's streamed answer would look undocumented. A `stream` pinned to false (`enum:
// [false]`, `const: false`) cannot ask: documents that split an operation into a JSON one and a
// `#stream` variant pin it so.
import { isObject } from '../is-object.js';
import { resolveLocalRef, visitCombined } from './support.js';
import type { LintRule, Obj, RuleFinding } from './types.js';

const pinnedFalse = (p: Obj): boolean => ('const' in p && p.const !== true) || (Array.isArray(p.enum) && !p.enum.includes(true));

/** Visits what always applies to a value: the schema, its `$ref` and its `allOf` parts. */
function visitUnconditional(doc: Obj, schema: unknown, visit: (s: Obj) => void, seen = new Set<unknown>()): void {
  if (!isObject(schema) || seen.has(schema)) return;
  seen.add(schema);
  visit(schema);
  if (typeof schema.$ref === 'string') visitUnconditional(doc, resolveLocalRef(doc, schema.$ref)?.value, visit, seen);
  if (Array.isArray(schema.allOf)) for (const part of schema.allOf) visitUnconditional(doc, part, visit, seen);
}

function canAskForStream(doc: Obj, schema: unknown): boolean {
  let boolean = false;
  let pinned = false;
  visitCombined(doc, schema, (s) => {
    if (!isObject(s.properties) || !isObject(s.properties.stream)) return;
    visitCombined(doc, s.properties.stream, (p) => {
      if (p.type === 'boolean' || (Array.isArray(p.type) && p.type.includes('boolean'))) boolean = true;
    });
  });
  // One unconditional part pinning `stream` to false wins over a base that allows any boolean.
  visitUnconditional(doc, schema, (s) => {
    if (isObject(s.properties) && isObject(s.properties.stream))
      visitUnconditional(doc, s.properties.stream, (p) => {
        if (pinnedFalse(p)) pinned = true;
      });
  });
  return boolean && !pinned;
}

export const streamUndocumented: LintRule = {
  id: 'stream-undocumented',
  severity: 'warning',
  description: 'The request accepts a boolean `stream` but no 2XX response documents `text/event-stream`',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const op of ctx.operations) {
      const body = op.requestBody?.content.find((m) => m.mediaType.includes('json'));
      if (!body || !canAskForStream(ctx.doc, body.schema)) continue;
      const success = op.responses.filter((r) => /^2/.test(r.status));
      if (success.some((r) => r.content.some((m) => m.mediaType.toLowerCase().startsWith('text/event-stream')))) continue;
      const first = success[0];
      const pointer = first ? `${op.pointer}/responses/${first.status}/content` : `${op.pointer}/responses`;
      out.push({ pointer, message: `${op.id} accepts \`stream: true\` but documents no \`text/event-stream\` success response` });
    }
    return out;
  },
};
