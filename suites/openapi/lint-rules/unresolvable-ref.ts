// A local `$ref` that points at nothing: validators cannot compile the schema, generators cannot draw it.
import { isObject } from '../is-object.js';
import { enclosingDefs, collectRefs } from './refs.js';
import { resolveLocalRef } from './support.js';
import type { LintRule, RuleFinding } from './types.js';

export const unresolvableRef: LintRule = {
  id: 'unresolvable-ref',
  severity: 'error',
  description: 'A `$ref` that does not resolve inside the (bundled) document',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const { pointer, ref } of collectRefs(ctx.doc)) {
      if (!ref.startsWith('#')) {
        out.push({ pointer, message: `\`$ref: ${ref}\` still points outside the document after bundling` });
        continue;
      }
      if (resolveLocalRef(ctx.doc, ref)) continue;
      // `#/$defs/X` meant for an enclosing schema's `$defs` is reported by local-defs-ref instead.
      const m = /^#\/\$defs\/([^/]+)/.exec(ref);
      if (m && !isObject(ctx.doc.$defs) && enclosingDefs(ctx.doc, pointer, decodeURIComponent(m[1]!))) continue;
      out.push({ pointer, message: `\`$ref: ${ref}\` does not resolve` });
    }
    return out;
  },
};
