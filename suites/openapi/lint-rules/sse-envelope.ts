// An event-stream schema shaped like the SSE event's fields (`{data: payload}`, `{event, data}`, `{event,
// data, id, retry}`, as SDK generators write them): each SSE `data:` field carries the payload itself,
// so such a schema describes the framing, not what a `data:` line holds. A payload that merely has a
// `data` member is told apart: the envelope either requires `data` or also names the `event` field.
import { isObject } from '../is-object.js';
import { derefSchema } from './support.js';
import type { LintRule, RuleFinding } from './types.js';

/** The fields of a server-sent event (WHATWG HTML §9.2.6). */
const SSE_FIELDS = new Set(['event', 'data', 'id', 'retry']);

export const sseEnvelope: LintRule = {
  id: 'sse-envelope',
  severity: 'warning',
  description: 'A `text/event-stream` schema that describes the SSE fields (`data`, `event`) instead of the event',
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
          if (!props.includes('data') || !props.every((p) => SSE_FIELDS.has(p))) continue;
          if (!required.includes('data') && !props.includes('event')) continue;
          const pointer = m.schemaPointer.replace(/\/schema$/, '');
          if (seen.has(pointer)) continue;
          seen.add(pointer);
          out.push({
            pointer,
            message:
              props.length === 1
                ? `${op.id}: the event schema is an object with one required \`data\` property; an SSE \`data:\` field carries the event itself`
                : `${op.id}: the event schema describes the SSE fields (${props.join(', ')}), not the event; an SSE \`data:\` field carries the payload itself`,
          });
        }
      }
    }
    return out;
  },
};
