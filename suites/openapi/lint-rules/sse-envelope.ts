// An event-stream schema shaped `{data: payload}`: each SSE `data:` field carries the payload itself,
// so a schema that wraps it in a `data` property describes the SSE framing, not the event.
import { isObject } from '../is-object.js';
import { derefSchema } from './support.js';
import type { LintRule, RuleFinding } from './types.js';

export const sseEnvelope: LintRule = {
  id: 'sse-envelope',
  severity: 'warning',
  description: 'A `text/event-stream` schema that wraps the event in a `data` property',
  check(ctx) {
    const out: RuleFinding[] = [];
    const seen = new Set<string>();
    for (const op of ctx.operations) {
      for (const res of op.responses) {
        for (const m of res.content) {
          if (!m.mediaType.toLowerCase().startsWith('text/event-stream') || !m.schemaPointer) continue;
          const s = derefSchema(ctx.doc, m.schema, m.schemaPointer)?.schema;
          if (!s || !isObject(s.properties)) continue;
          const props = Object.keys(s.properties);
          const required = Array.isArray(s.required) ? s.required : [];
          if (props.length !== 1 || props[0] !== 'data' || !required.includes('data')) continue;
          const pointer = m.schemaPointer.replace(/\/schema$/, '');
          if (seen.has(pointer)) continue;
          seen.add(pointer);
          out.push({
            pointer,
            message: `${op.id}: the event schema is an object with one required \`data\` property; an SSE \`data:\` field carries the event itself`,
          });
        }
      }
    }
    return out;
  },
};
