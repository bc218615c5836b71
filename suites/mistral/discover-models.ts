// Reads the target's models list into ModelInfo, tolerating the older OpenAI-like shape (no
// capabilities: see shared/real-responses/models_list__2024-02__helgesverre.json).
import { isObject } from '../openapi/is-object.js';
import type { MistralTargetInfo, ModelInfo } from './target-info.js';

export function parseModelList(body: unknown): ModelInfo[] {
  const data = isObject(body) && Array.isArray(body.data) ? body.data : [];
  const out: ModelInfo[] = [];
  for (const m of data) {
    if (!isObject(m) || typeof m.id !== 'string') continue;
    const caps = isObject(m.capabilities) ? (m.capabilities as Record<string, boolean>) : {};
    const info: ModelInfo = {
      id: m.id,
      aliases: Array.isArray(m.aliases) ? m.aliases.filter((a): a is string => typeof a === 'string') : [],
      capabilities: caps,
    };
    if (typeof m.type === 'string') info.type = m.type;
    if (typeof m.archived === 'boolean') info.archived = m.archived;
    out.push(info);
  }
  return out;
}

const byName = (models: ModelInfo[], pattern: RegExp): ModelInfo | undefined =>
  models.find((m) => pattern.test(m.id) || m.aliases.some((a) => pattern.test(a)));

/** Picks a model per kind of request, preferring explicit choices, then capabilities, then names. */
export function chooseModels(models: ModelInfo[], explicit: string[], base: Pick<MistralTargetInfo, 'maxTokens' | 'k' | 'agentId'>): MistralTargetInfo {
  const usable = models.filter((m) => !m.archived);
  const cap = (c: string): ModelInfo | undefined => usable.find((m) => m.capabilities[c] === true && !/embed|moderation|ocr/i.test(m.id));
  // A vLLM or llama.cpp target lists models without capabilities or Mistral names: its first
  // generative-looking model is then the best guess for chat.
  const chatDefault =
    byName(usable, /^mistral-small-latest$/) ??
    cap('completion_chat') ??
    byName(usable, /mistral|tiny|small|large|open/i) ??
    usable.find((m) => !/embed|moderation|ocr|rerank|whisper|tts/i.test(m.id));
  const info: MistralTargetInfo = { models, maxTokens: base.maxTokens, k: base.k };
  if (base.agentId) info.agentId = base.agentId;
  const chat = explicit[0] ?? chatDefault?.id;
  if (chat) info.chatModel = chat;
  const fim = explicit.find((m) => /codestral/i.test(m)) ?? cap('completion_fim')?.id ?? byName(usable, /codestral/i)?.id;
  if (fim) info.fimModel = fim;
  const embed = explicit.find((m) => /embed/i.test(m)) ?? byName(usable, /embed/i)?.id;
  if (embed) info.embedModel = embed;
  const moderation = explicit.find((m) => /moderation/i.test(m)) ?? byName(usable, /moderation/i)?.id;
  if (moderation) info.moderationModel = moderation;
  const tools =
    (explicit[0] && usable.find((m) => m.id === explicit[0])?.capabilities.function_calling !== false ? explicit[0] : undefined) ??
    cap('function_calling')?.id ??
    chat;
  if (tools) info.toolModel = tools;
  return info;
}
