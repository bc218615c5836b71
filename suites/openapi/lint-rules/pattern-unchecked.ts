// A `pattern` (or `patternProperties` key) no linear-time matcher runs: lookarounds and
// backreferences. Matching one against a target's value could backtrack for minutes, so validation
// skips it; this finding says which constraints the run does not check.
import { isObject } from '../is-object.js';
import { joinPointer } from '../json-pointer.js';
import { compilePattern } from '../safe-pattern.js';
import type { LintRule, RuleFinding } from './types.js';

function skippedReason(pattern: string): string | undefined {
  try {
    return compilePattern(pattern).skipped;
  } catch {
    // Not a valid ECMAScript pattern: the schema does not compile, which validation reports.
    return undefined;
  }
}

export const patternUnchecked: LintRule = {
  id: 'pattern-unchecked',
  severity: 'warning',
  description: 'A `pattern` needs backtracking (lookaround, backreference): matched in linear time it cannot be, so it is not checked',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const [pointer, s] of ctx.schemas) {
      if (typeof s.pattern === 'string') {
        const why = skippedReason(s.pattern);
        if (why) out.push({ pointer: joinPointer(pointer, 'pattern'), message: `pattern ${JSON.stringify(s.pattern)}: ${why}` });
      }
      if (isObject(s.patternProperties))
        for (const key of Object.keys(s.patternProperties)) {
          const why = skippedReason(key);
          if (why) out.push({ pointer: joinPointer(pointer, 'patternProperties', key), message: `patternProperties key ${JSON.stringify(key)}: ${why}` });
        }
    }
    return out;
  },
};
