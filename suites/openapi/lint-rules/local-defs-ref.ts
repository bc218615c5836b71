// `$ref: "#/$defs/X"` inside a component that carries its own `$defs` (pasted pydantic output): `#`
// is the document root, which has no `$defs`. The loader repoints it at the enclosing `$defs`.
import { isObject } from '../is-object.js';
import { collectRefs, enclosingDefs } from './refs.js';
import { resolveLocalRef } from './support.js';
import type { LintRule, RuleFinding } from './types.js';

export const localDefsRef: LintRule = {
  id: 'local-defs-ref',
  severity: 'warning',
  description: '`#/$defs/X` refers to a `$defs` of an enclosing schema, not of the document root',
  check(ctx) {
    if (isObject(ctx.doc.$defs)) return [];
    const out: RuleFinding[] = [];
    for (const { pointer, ref } of collectRefs(ctx.doc)) {
      const m = /^#\/\$defs\/([^/]+)/.exec(ref);
      if (!m || resolveLocalRef(ctx.doc, ref)) continue;
      const scope = enclosingDefs(ctx.doc, pointer, decodeURIComponent(m[1]!));
      if (scope)
        out.push({
          pointer,
          message: `\`$ref: ${ref}\` resolves against the document root, which has no \`$defs\`; the schema at ${scope} defines it (the loader uses that one)`,
        });
    }
    return out;
  },
};
