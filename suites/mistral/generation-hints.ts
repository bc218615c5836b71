// How generated requests are shaped for a Mistral target: the models it has, conversations real servers
// accept, caps that keep answers cheap, resources that exist for reads, and ids that cannot exist for
// mutations. One entry per operation (`METHOD /path`); any other operation falls to `mutationHints`.
import type { Operation } from '../openapi/model.js';
import type { GenerationHints } from '../engine/types.js';
import { CONVERSATIONS, MODERATION_CONVERSATIONS, TRAINING_FILES, WEATHER_TOOL } from './conversations.js';
import type { MistralTargetInfo } from './target-info.js';

/** Ids no real account holds: safe targets for mutations the run must not apply to real resources. */
export const NONEXISTENT_UUID = '00000000-0000-4000-8000-00000000c0de';
export const NONEXISTENT_MODEL = 'ft:mistral-conformance:does-not-exist:00000000:c0de';

/** Resources the target already holds (the first of each list), for read-only operations on them. */
export interface ExistingResources {
  fileId?: string;
  jobId?: string;
  batchId?: string;
}

export interface HintInputs {
  info: MistralTargetInfo;
  existing: ExistingResources;
  allowCostly: boolean;
}

type Caps = GenerationHints['caps'];
type Fixed = GenerationHints['fixed'];

const TOOL_CHOICES = { 'body.tools': [null, [WEATHER_TOOL]], 'body.tool_choice': ['auto', 'none'] };

/**
 * What the smallest completion request keeps besides model and messages (cause isolation's base, see
 * GenerationHints.base): the token cap, so a base is cheap on a paid API. No `n`, no `stream`, no
 * `tools`: servers that refuse those (llama.cpp answers 500 to `n: 2`) must not confound every case.
 */
const cheapBase = (caps: Caps): Record<string, unknown> => ({ 'body.max_tokens': caps?.['body.max_tokens'] });

/**
 * `value` fixed under `key` (first), or, when the target has none, the request as it can only be
 * refused (400/404 for an unknown model or id): the status policy must know, or a missing model would
 * read as a defect.
 */
function fixedOrUnknown(key: string, value: string | undefined, caps: Caps, rest: Fixed = {}): GenerationHints {
  return value ? { fixed: { [key]: [value], ...rest }, caps } : { fixed: { ...rest }, caps, unknownResource: true };
}

const BY_OPERATION: Record<string, (inputs: HintInputs, caps: Caps) => GenerationHints> = {
  'POST /v1/chat/completions': ({ info }, caps) => ({
    fixed: { 'body.model': info.chatModel ? [info.chatModel] : [], 'body.messages': CONVERSATIONS, ...TOOL_CHOICES },
    caps,
    base: cheapBase(caps),
  }),
  'POST /v1/fim/completions': ({ info }, caps) => ({ ...fixedOrUnknown('body.model', info.fimModel, caps), base: cheapBase(caps) }),
  'POST /v1/agents/completions': ({ info }, caps) =>
    info.agentId
      ? { fixed: { 'body.agent_id': [info.agentId], 'body.messages': CONVERSATIONS, ...TOOL_CHOICES }, caps, base: cheapBase(caps) }
      : { fixed: {}, skip: 'no agent to call: the spec has no way to create one; pass --agent-id' },
  'POST /v1/embeddings': ({ info }, caps) => fixedOrUnknown('body.model', info.embedModel, caps, { 'body.encoding_format': ['float'] }),
  'POST /v1/moderations': ({ info }, caps) => fixedOrUnknown('body.model', info.moderationModel, caps),
  'POST /v1/chat/moderations': ({ info }, caps) => fixedOrUnknown('body.model', info.moderationModel, caps, { 'body.input': MODERATION_CONVERSATIONS }),
  'GET /v1/models/{model_id}': ({ info }, caps) => ({ fixed: { 'path.model_id': info.models.slice(0, 3).map((m) => m.id) }, caps }),
  'GET /v1/files/{file_id}': ({ existing }, caps) => fixedOrUnknown('path.file_id', existing.fileId, caps),
  'GET /v1/files/{file_id}/content': ({ existing }, caps) => fixedOrUnknown('path.file_id', existing.fileId, caps),
  'GET /v1/fine_tuning/jobs/{job_id}': ({ existing }, caps) => fixedOrUnknown('path.job_id', existing.jobId, caps),
  'GET /v1/batch/jobs/{job_id}': ({ existing }, caps) => fixedOrUnknown('path.job_id', existing.batchId, caps),
  // Real servers validate what they store: random bytes as fine-tuning data are refused.
  'POST /v1/files': (_inputs, caps) => ({ fixed: { 'body.file': TRAINING_FILES, 'body.purpose': ['fine-tune'] }, caps }),
  // Training files drawn at random do not exist; without --allow-costly only dry runs are sent.
  'POST /v1/fine_tuning/jobs': ({ allowCostly }, caps) => {
    const fixed: Fixed = allowCostly ? {} : { 'query.dry_run': [true] };
    return { fixed, caps, unknownResource: true };
  },
  'POST /v1/batch/jobs': ({ info }, caps) => ({ fixed: { 'body.model': info.chatModel ? [info.chatModel] : [] }, caps, unknownResource: true }),
  'GET /v1/batch/jobs': (_inputs, caps) => ({ fixed: {}, caps }),
  'GET /v1/fine_tuning/jobs': (_inputs, caps) => ({ fixed: {}, caps }),
};

/**
 * Mutations of existing resources (delete, update, archive, cancel, start) only ever get ids that
 * cannot exist: never the spec's example ids (a real account may hold a model of that name) and never
 * a listed id. The scenarios act on resources the run created itself.
 */
function mutationHints(op: Operation, caps: Caps): GenerationHints {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  if (pathParams.length === 0) return { fixed: {}, caps };
  const fixed: Record<string, unknown[]> = {};
  for (const p of pathParams) fixed[`path.${p.name}`] = [p.name.includes('model') ? NONEXISTENT_MODEL : NONEXISTENT_UUID];
  return { fixed, caps, unknownResource: true };
}

export function generationHints(op: Operation, inputs: HintInputs): GenerationHints {
  const { maxTokens } = inputs.info;
  const caps = { 'body.max_tokens': maxTokens, 'body.n': 2, 'body.min_tokens': Math.min(4, maxTokens), 'query.page_size': 20 };
  const shape = BY_OPERATION[`${op.method.toUpperCase()} ${op.path}`];
  return shape ? shape(inputs, caps) : mutationHints(op, caps);
}
