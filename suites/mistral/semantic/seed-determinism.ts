// random_seed: "If set, different calls will generate deterministic results." The probe sends the
// same seeded request k times; each repetition after the first holds when its choices (content and
// tool calls) equal the first answer's. Determinism is the documented promise, so the verdict is
// pass^k over the repetitions (pass@k reported). Errors (e.g. 429) make the case unjudgeable: skipped.
import { defineCheck } from '../../checks/define-check.js';
import { caseSteps, namedByCase, unsuccessfulStep } from './case-steps.js';
import { completionView, type CompletionView } from './completion-view.js';
import { describePassK, passK } from './pass-k.js';
import { quoted } from './request-of.js';

function signature(view: CompletionView): string {
  return JSON.stringify(view.choices.map((c) => [c.index, c.content, c.toolCalls.map((t) => [t.name, t.arguments])]));
}

function firstContent(view: CompletionView): string {
  return view.choices[0]?.content ?? '';
}

export const seedDeterminism = defineCheck({
  id: 'seed-determinism',
  title: 'Same random_seed gives different answers',
  severity: 'medium',
  description: 'k identical requests with the same random_seed return the same content and tool calls (pass^k; pass@k reported).',
  category: 'semantic',
  judges: 'valid',
  scope: 'case',
  applies: namedByCase('seed-determinism'),
  run(ctx) {
    const steps = caseSteps(ctx);
    if (steps.length < 2) return { skip: 'the case needs at least two repetitions' };
    const unsuccessful = unsuccessfulStep(steps);
    if (unsuccessful) return { skip: unsuccessful };
    const views = steps.map((s) => completionView(s.exchange));
    if (views.some((v) => v === undefined)) return { skip: 'an answer has no completion to compare (cut stream or non-JSON answer)' };
    const [reference, ...rest] = views as CompletionView[];
    const ref = signature(reference!);
    const held = rest.map((v) => signature(v) === ref);
    const score = passK(held);
    if (score.passHat) return undefined;
    const bad = held.indexOf(false) + 1;
    return {
      message: `Received: ${describePassK(score)} over ${rest.length} repetition(s) compared with the first; step ${bad} answered ${quoted(firstContent(views[bad]!))} vs ${quoted(firstContent(reference!))}. Expected: the same answer for the same random_seed.`,
      step: bad,
    };
  },
});
