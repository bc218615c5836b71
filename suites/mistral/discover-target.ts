// What the suite learns about the target before generating: its models (GET /v1/models, else the
// configured ones) and the first existing file, fine-tuning job and batch job, for read-only
// operations on them. A refused API key stops the run here: every case would fail falsely.
import { isObject } from '../openapi/is-object.js';
import type { Exchange, PrepareContext, RequestSpec } from '../engine/types.js';
import { chooseModels, parseModelList } from './discover-models.js';
import type { ExistingResources } from './generation-hints.js';
import type { MistralRunOptions } from './options.js';
import type { MistralTargetInfo } from './target-info.js';

export interface DiscoveredTarget {
  info: MistralTargetInfo;
  existing: ExistingResources;
}

const get = (path: string, query: Array<[string, string]> = []): RequestSpec => ({ method: 'GET', path, query, headers: {}, auth: { kind: 'default' } });

function firstId(exchange: Exchange): string | undefined {
  const body = exchange.response?.json;
  if (!isObject(body) || !Array.isArray(body.data)) return undefined;
  const item = body.data.find((d) => isObject(d) && typeof d.id === 'string');
  return isObject(item) && typeof item.id === 'string' ? item.id : undefined;
}

async function discoverModels(ctx: PrepareContext, options: MistralRunOptions & { k: number }): Promise<MistralTargetInfo> {
  const models = await ctx.send(get('/v1/models'));
  const status = models.response?.status;
  if (status === 401 || status === 403) {
    throw new Error(`the target refused the API key (GET /v1/models answered ${status}): set ${ctx.options.apiKeyEnv} to a valid key (or --api-key-env NAME)`);
  }
  const list = status !== undefined && status < 300 ? parseModelList(models.response?.json) : [];
  if (list.length === 0) ctx.log(`could not list models (${status ?? models.error?.message}); using ${options.models.join(', ') || 'default model names'}`);
  const info = chooseModels(list, options.models, { maxTokens: options.maxTokens, k: options.k, ...(options.agentId ? { agentId: options.agentId } : {}) });
  if (!info.chatModel) info.chatModel = 'mistral-small-latest';
  return info;
}

async function discoverExisting(ctx: PrepareContext): Promise<ExistingResources> {
  const existing: ExistingResources = {};
  for (const [path, slot] of [
    ['/v1/files', 'fileId'],
    ['/v1/fine_tuning/jobs', 'jobId'],
    ['/v1/batch/jobs', 'batchId'],
  ] as const) {
    const ex = await ctx.send(get(path, [['page_size', '5']]));
    const id = ex.response && ex.response.status < 300 ? firstId(ex) : undefined;
    if (id) existing[slot] = id;
  }
  return existing;
}

export async function discoverTarget(ctx: PrepareContext, options: MistralRunOptions & { k: number }): Promise<DiscoveredTarget> {
  const info = await discoverModels(ctx, options);
  return { info, existing: await discoverExisting(ctx) };
}
