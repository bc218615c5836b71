// Case-scope embeddings-consistency: besides each answer on its own, calls of the same model agree
// on the dimension, and the same text embedded in different calls gives the same vector.
import { defineCheck } from '../../checks/define-check.js';
import type { Failure } from '../../engine/types.js';
import { caseSteps, namedByCase } from './case-steps.js';
import { EMBEDDINGS_CONSISTENCY, EMBEDDINGS_EXPECTED, judgeEmbeddings, type EmbeddingsJudgement } from './embeddings-consistency.js';
import { quoted, isSuccess, requestOf } from './request-of.js';
import { cosine, SAME_TEXT_COSINE } from './vectors.js';

export const embeddingsAcrossCalls = defineCheck({
  id: EMBEDDINGS_CONSISTENCY,
  title: 'Embeddings inconsistent within or across calls',
  severity: 'high',
  description: 'Each answer is consistent, and calls of one model share a dimension and give the same vector for the same text.',
  category: 'semantic',
  judges: 'valid',
  scope: 'case',
  applies: namedByCase(EMBEDDINGS_CONSISTENCY),
  run(ctx) {
    const failures: Failure[] = [];
    const judged: Array<{ step: number; model: string; r: EmbeddingsJudgement }> = [];
    for (const s of caseSteps(ctx)) {
      if (!isSuccess(s.exchange)) continue;
      const r = judgeEmbeddings(s.exchange);
      if ('skip' in r) continue;
      if (r.problems.length)
        failures.push({ message: `Received: step ${s.step}: ${r.problems.slice(0, 3).join('; ')}. Expected: ${EMBEDDINGS_EXPECTED}.`, step: s.step });
      judged.push({ step: s.step, model: String(requestOf(s.exchange)?.model ?? ''), r });
    }
    if (judged.length === 0) return { skip: 'no answer could be judged' };
    for (let i = 1; i < judged.length; i++) {
      const cur = judged[i]!;
      const ref = judged.find((j) => j.model === cur.model)!;
      if (ref === cur) continue;
      if (ref.r.dimension !== undefined && cur.r.dimension !== undefined && ref.r.dimension !== cur.r.dimension) {
        failures.push({
          message: `Received: dimension ${cur.r.dimension} at step ${cur.step} vs ${ref.r.dimension} at step ${ref.step} for model ${JSON.stringify(cur.model)}. Expected: one dimension per model.`,
          step: cur.step,
        });
        continue;
      }
      for (const [text, vector] of cur.r.vectors) {
        const other = ref.r.vectors.get(text);
        if (!other || other.length !== vector.length) continue;
        const sim = cosine(other, vector);
        if (sim < SAME_TEXT_COSINE)
          failures.push({
            message: `Received: cosine ${sim.toFixed(6)} between the vectors of ${quoted(text, 30)} at steps ${ref.step} and ${cur.step}. Expected: the same vector for the same text and model (cosine ≥ ${SAME_TEXT_COSINE}).`,
            step: cur.step,
          });
      }
    }
    return failures.length ? failures.slice(0, 4) : undefined;
  },
});
