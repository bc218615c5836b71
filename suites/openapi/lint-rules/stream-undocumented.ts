// A request that can ask for `stream: true` while no success response documents an event stream:
// a conforming server's streamed answer would look undocumented.
import { isObject } from '../is-object.js';
import { visitCombined } from './support.js';
import type { LintRule, Obj, RuleFinding } from './types.js';

function hasBooleanStream(doc: Obj, schema: unknown): boolean {
  let found = false;
  visitCombined(doc, schema, (s) => {
    if (!isObject(s.properties) || !isObject(s.properties.stream)) return;
    visitCombined(doc, s.properties.stream, (p) => {
      if (p.type === 'boolean' || (Array.isArray(p.type) && p.type.includes('boolean'))) found = true;
    });
  });
  return found;
}

export const streamUndocumented: LintRule = {
  id: 'stream-undocumented',
  severity: 'warning',
  description: 'The request accepts a boolean `stream` but no 2XX response documents `text/event-stream`',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const op of ctx.operations) {
      const body = op.requestBody?.content.find((m) => m.mediaType.includes('json'));
      if (!body || !hasBooleanStream(ctx.doc, body.schema)) continue;
      const success = op.responses.filter((r) => /^2/.test(r.status));
      if (success.some((r) => r.content.some((m) => m.mediaType.toLowerCase().startsWith('text/event-stream')))) continue;
      const first = success[0];
      const pointer = first ? `${op.pointer}/responses/${first.status}/content` : `${op.pointer}/responses`;
      out.push({ pointer, message: `${op.id} accepts \`stream: true\` but documents no \`text/event-stream\` success response` });
    }
    return out;
  },
};
