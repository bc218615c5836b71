// A `required` name that no combined schema declares: a body cannot be expected to carry a property
// the document never describes (ChatCompletionResponse requires `data`, which the API never sends).
import { isObject } from '../is-object.js';
import { compilePattern, type PatternMatcher } from '../safe-pattern.js';
import { compositionRoot, visitCombined } from './support.js';
import type { LintRule, Obj, RuleFinding } from './types.js';

function declaredIn(doc: Obj, root: unknown): { names: Set<string>; patterns: PatternMatcher[]; open: boolean; closed: boolean } {
  const names = new Set<string>();
  const patterns: PatternMatcher[] = [];
  let open = false;
  let closed = false;
  visitCombined(doc, root, (s) => {
    if (isObject(s.properties)) for (const k of Object.keys(s.properties)) names.add(k);
    if (isObject(s.patternProperties)) {
      for (const k of Object.keys(s.patternProperties)) {
        try {
          patterns.push(compilePattern(k));
        } catch {
          /* an invalid pattern declares nothing */
        }
      }
    }
    // A schema for additional properties describes every undeclared name (a map with a required key).
    if (isObject(s.additionalProperties)) open = true;
    if (s.additionalProperties === false) closed = true;
  });
  return { names, patterns, open, closed };
}

export const undeclaredRequired: LintRule = {
  id: 'undeclared-required',
  severity: 'error',
  description: 'A required property is not declared in `properties` of the schema or of any schema combined with it',
  check(ctx) {
    const out: RuleFinding[] = [];
    const byPointer = new Map(ctx.schemas);
    for (const [pointer, s] of ctx.schemas) {
      if (!Array.isArray(s.required) || s.required.length === 0) continue;
      const rootPointer = compositionRoot(pointer);
      const root = byPointer.get(rootPointer) ?? s;
      const declared = declaredIn(ctx.doc, root);
      const own = declaredIn(ctx.doc, s);
      if (declared.open || own.open) continue;
      s.required.forEach((name, i) => {
        if (typeof name !== 'string') return;
        if (declared.names.has(name) || declared.patterns.some((re) => re.test(name))) return;
        const closed = own.closed ? '; with `additionalProperties: false` no body can satisfy the schema' : '';
        out.push({
          pointer: `${pointer}/required/${i}`,
          message: `required property "${name}" is not declared by the schema or any schema combined with it${closed}`,
        });
      });
    }
    return out;
  },
};
