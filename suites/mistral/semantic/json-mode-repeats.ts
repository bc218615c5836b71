// Case-scope json-mode: the probe repeats the same JSON-mode request k times and reports pass@k and
// pass^k. JSON mode is a documented guarantee, so the verdict is pass^k: every judged repetition must
// hold. Repetitions cut by max_tokens are left out of k.
import { defineCheck } from '../../checks/define-check.js';
import type { Failure } from '../../engine/types.js';
import { caseSteps, namedByCase } from './case-steps.js';
import { isSuccess } from './request-of.js';
import { JSON_MODE, judgeJsonMode } from './json-mode.js';
import { describePassK, passK } from './pass-k.js';

export const jsonModeRepeats = defineCheck({
  id: JSON_MODE,
  title: 'JSON mode answer is not JSON (over k repetitions)',
  severity: 'high',
  description: 'k identical JSON-mode requests all give JSON content (pass^k; pass@k reported).',
  category: 'semantic',
  judges: 'valid',
  scope: 'case',
  applies: namedByCase(JSON_MODE),
  run(ctx) {
    const results: boolean[] = [];
    const failures: Failure[] = [];
    const warnings: Failure[] = [];
    for (const s of caseSteps(ctx)) {
      if (!isSuccess(s.exchange)) continue;
      const r = judgeJsonMode(s.exchange);
      if (!Array.isArray(r)) continue;
      const hard = r.filter((f) => !f.warning);
      results.push(hard.length === 0);
      if (hard[0] && failures.length === 0) failures.push({ ...hard[0], step: s.step });
      for (const w of r.filter((f) => f.warning)) warnings.push({ ...w, step: s.step });
    }
    if (results.length === 0) return { skip: 'no repetition could be judged (errors, or every answer cut by max_tokens)' };
    const score = passK(results);
    if (score.passHat) return warnings.length ? warnings.slice(0, 1) : undefined;
    const first = failures[0]!;
    return { ...first, message: `${describePassK(score)}. First failure, step ${first.step}: ${first.message}` };
  },
});
