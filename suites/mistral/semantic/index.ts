// The Mistral semantic checks. Some ids have an exchange-scope and a case-scope form: the exchange
// form judges any answer (also random cases); the case form judges the probe cases that name the id
// in `caseChecks` (repetitions, pairs), and the exchange form then leaves those cases to it.
import type { Check } from '../../engine/types.js';
import { embeddingsAcrossCalls } from './embeddings-across-calls.js';
import { embeddingsConsistency } from './embeddings-consistency.js';
import { fimCompletion } from './fim-completion.js';
import { jsonModeRepeats } from './json-mode-repeats.js';
import { jsonMode } from './json-mode.js';
import { maxTokensHonoured } from './max-tokens-honoured.js';
import { modelEcho } from './model-echo.js';
import { moderationConsistency } from './moderation-consistency.js';
import { nChoices } from './n-choices.js';
import { seedDeterminism } from './seed-determinism.js';
import { stopHonoured } from './stop-honoured.js';
import { toolCallsCase } from './tool-calls-case.js';
import { toolCalls } from './tool-calls.js';
import { usageArithmetic } from './usage-arithmetic.js';
import { usagePromptGrowth } from './usage-prompt-growth.js';

export { semanticProbes, skippedProbeFamilies } from './probes.js';

export const mistralSemanticChecks: Check[] = [
  usageArithmetic,
  usagePromptGrowth,
  maxTokensHonoured,
  nChoices,
  stopHonoured,
  jsonMode,
  jsonModeRepeats,
  toolCalls,
  toolCallsCase,
  seedDeterminism,
  modelEcho,
  embeddingsConsistency,
  embeddingsAcrossCalls,
  moderationConsistency,
  fimCompletion,
];
