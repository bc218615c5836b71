// The Mistral suite: what a generic OpenAPI engine cannot know about this API, plugged in through
// SuitePlugin. Model ids come from the target, generated chat requests use conversations real
// servers accept, paid operations are kept cheap and safe, and what the run creates is cleaned up.
import type { Operation } from '../openapi/model.js';
import { isObject } from '../openapi/is-object.js';
import type { CleanupReport, Exchange, GenerationHints, PrepareContext, RequestSpec, StatusPolicy, SuitePlugin } from '../engine/types.js';
import { ResourceTracker } from './stateful/index.js';
import { CONVERSATIONS, MODERATION_CONVERSATIONS, TRAINING_FILES, WEATHER_TOOL } from './conversations.js';
import { chooseModels, parseModelList } from './discover-models.js';
import type { MistralRunOptions } from './options.js';
import { createMistralStatusPolicy, type StatusPolicyTable } from './status-policy.js';
import type { MistralTargetInfo } from './target-info.js';

export interface MistralSuiteOptions extends MistralRunOptions {
  k: number;
  readOnly: boolean;
  statusPolicy?: StatusPolicyTable;
}

export interface MistralSuite extends SuitePlugin {
  info(): MistralTargetInfo;
}

const get = (path: string, query: Array<[string, string]> = []): RequestSpec => ({ method: 'GET', path, query, headers: {}, auth: { kind: 'default' } });

function firstId(exchange: Exchange): string | undefined {
  const body = exchange.response?.json;
  if (!isObject(body) || !Array.isArray(body.data)) return undefined;
  const item = body.data.find((d) => isObject(d) && typeof d.id === 'string');
  return isObject(item) ? (item.id as string) : undefined;
}

/** Ids no real account holds: safe targets for mutations the run must not apply to real resources. */
export const NONEXISTENT_UUID = '00000000-0000-4000-8000-00000000c0de';
export const NONEXISTENT_MODEL = 'ft:mistral-conformance:does-not-exist:00000000:c0de';

const key = (op: Operation): string => `${op.method.toUpperCase()} ${op.path}`;

export function createMistralSuite(options: MistralSuiteOptions): MistralSuite {
  let info: MistralTargetInfo = { models: [], maxTokens: options.maxTokens, k: options.k, ...(options.agentId ? { agentId: options.agentId } : {}) };
  // Ids of resources that already exist on the target, for read-only operations on them.
  const existing: { fileId?: string; jobId?: string; batchId?: string } = {};
  // Every resource this run creates (generated uploads and scenario chains alike), cleaned up at the end.
  const tracker = new ResourceTracker();
  const policy: StatusPolicy = createMistralStatusPolicy(options.statusPolicy);

  function hintsFor(op: Operation): GenerationHints | undefined {
    const caps = { 'body.max_tokens': info.maxTokens, 'body.n': 2, 'body.min_tokens': Math.min(4, info.maxTokens), 'query.page_size': 20 };
    const chat = info.chatModel ? [info.chatModel] : [];
    switch (key(op)) {
      case 'POST /v1/chat/completions':
        return {
          fixed: { 'body.model': chat, 'body.messages': CONVERSATIONS, 'body.tools': [null, [WEATHER_TOOL]], 'body.tool_choice': ['auto', 'none'] },
          caps,
        };
      // Without a model of the right kind on the target, a request can only be refused (400/404 for an
      // unknown model): the status policy must know, or a missing model would read as a defect.
      case 'POST /v1/fim/completions':
        return info.fimModel ? { fixed: { 'body.model': [info.fimModel] }, caps } : { fixed: {}, caps, unknownResource: true };
      case 'POST /v1/agents/completions':
        if (!info.agentId) return { fixed: {}, skip: 'no agent to call: the spec has no way to create one; pass --agent-id' };
        return {
          fixed: {
            'body.agent_id': [info.agentId],
            'body.messages': CONVERSATIONS,
            'body.tools': [null, [WEATHER_TOOL]],
            'body.tool_choice': ['auto', 'none'],
          },
          caps,
        };
      case 'POST /v1/embeddings':
        return info.embedModel
          ? { fixed: { 'body.model': [info.embedModel], 'body.encoding_format': ['float'] }, caps }
          : { fixed: { 'body.encoding_format': ['float'] }, caps, unknownResource: true };
      case 'POST /v1/moderations':
        return info.moderationModel ? { fixed: { 'body.model': [info.moderationModel] }, caps } : { fixed: {}, caps, unknownResource: true };
      case 'POST /v1/chat/moderations':
        return info.moderationModel
          ? { fixed: { 'body.model': [info.moderationModel], 'body.input': MODERATION_CONVERSATIONS }, caps }
          : { fixed: { 'body.input': MODERATION_CONVERSATIONS }, caps, unknownResource: true };
      case 'GET /v1/models/{model_id}':
        return { fixed: { 'path.model_id': info.models.slice(0, 3).map((m) => m.id) }, caps };
      case 'GET /v1/files/{file_id}':
      case 'GET /v1/files/{file_id}/content':
        return existing.fileId ? { fixed: { 'path.file_id': [existing.fileId] }, caps } : { fixed: {}, caps, unknownResource: true };
      case 'GET /v1/fine_tuning/jobs/{job_id}':
        return existing.jobId ? { fixed: { 'path.job_id': [existing.jobId] }, caps } : { fixed: {}, caps, unknownResource: true };
      case 'GET /v1/batch/jobs/{job_id}':
        return existing.batchId ? { fixed: { 'path.job_id': [existing.batchId] }, caps } : { fixed: {}, caps, unknownResource: true };
      case 'POST /v1/files':
        // Real servers validate what they store: random bytes as fine-tuning data are refused.
        return { fixed: { 'body.file': TRAINING_FILES, 'body.purpose': ['fine-tune'] }, caps };
      case 'POST /v1/fine_tuning/jobs':
        // Training files drawn at random do not exist; without --allow-costly only dry runs are sent.
        return { fixed: options.allowCostly ? {} : { 'query.dry_run': [true] }, caps, unknownResource: true };
      case 'POST /v1/batch/jobs':
        return { fixed: { 'body.model': chat }, caps, unknownResource: true };
      case 'GET /v1/batch/jobs':
      case 'GET /v1/fine_tuning/jobs':
        return { fixed: {}, caps };
      default: {
        // Mutations of existing resources (delete, update, archive, cancel, start) only ever get ids
        // that cannot exist: never the spec's example ids (a real account may hold a model of that
        // name) and never a listed id. The scenarios act on resources the run created itself.
        const pathParams = op.parameters.filter((p) => p.in === 'path');
        if (pathParams.length === 0) return { fixed: {}, caps };
        const fixed: Record<string, unknown[]> = {};
        for (const p of pathParams) fixed[`path.${p.name}`] = [p.name.includes('model') ? NONEXISTENT_MODEL : NONEXISTENT_UUID];
        return { fixed, caps, unknownResource: true };
      }
    }
  }

  return {
    name: 'mistral',
    info: () => info,
    statusPolicy: policy,
    async prepare(ctx: PrepareContext) {
      const models = await ctx.send(get('/v1/models'));
      const status = models.response?.status;
      // Refused credentials would turn every case into a false failure: stop before the run starts.
      if (status === 401 || status === 403) {
        throw new Error(
          `the target refused the API key (GET /v1/models answered ${status}): set ${ctx.options.apiKeyEnv} to a valid key (or --api-key-env NAME)`,
        );
      }
      const list = status !== undefined && status < 300 ? parseModelList(models.response?.json) : [];
      if (list.length === 0) ctx.log(`could not list models (${status ?? models.error?.message}); using ${options.models.join(', ') || 'default model names'}`);
      info = chooseModels(list, options.models, { maxTokens: options.maxTokens, k: options.k, ...(options.agentId ? { agentId: options.agentId } : {}) });
      if (!info.chatModel) info.chatModel = 'mistral-small-latest';
      for (const [path, slot] of [
        ['/v1/files', 'fileId'],
        ['/v1/fine_tuning/jobs', 'jobId'],
        ['/v1/batch/jobs', 'batchId'],
      ] as const) {
        const ex = await ctx.send(get(path, [['page_size', '5']]));
        const id = ex.response && ex.response.status < 300 ? firstId(ex) : undefined;
        if (id) existing[slot] = id;
      }
    },
    hints: hintsFor,
    observe(op: Operation, exchange: Exchange) {
      tracker.trackCreated(exchange, { operationId: op.id });
    },
    // Lets a request budget keep back what clean-up will need (see SuitePlugin.pendingCleanup).
    pendingCleanup: () => tracker.cleanupRequests().length,
    async cleanup(ctx: PrepareContext): Promise<CleanupReport> {
      for (const { kind, id, request } of tracker.cleanupRequests()) {
        tracker.recordCleanup(kind, id, await ctx.send(request));
      }
      return tracker.report();
    },
  };
}
