// What the Mistral suite learned about the target before generating: its models (from GET /v1/models
// or configuration) and which to use for each kind of request.

export interface ModelInfo {
  id: string;
  aliases: string[];
  /** `completion_chat`, `completion_fim`, `function_calling`, `fine_tuning`, `vision`, ... */
  capabilities: Record<string, boolean>;
  type?: 'base' | 'fine-tuned' | string;
  archived?: boolean;
}

export interface MistralTargetInfo {
  models: ModelInfo[];
  chatModel?: string;
  fimModel?: string;
  embedModel?: string;
  moderationModel?: string;
  /** A chat model that supports function calling. */
  toolModel?: string;
  agentId?: string;
  /** Cap for max_tokens in generated requests (cheap runs against paid APIs). */
  maxTokens: number;
  /** Repetitions for behaviour allowed to vary between calls (pass@k / pass^k). */
  k: number;
}

/** Every name a model answers to: its id and its aliases. */
export function namesOf(info: MistralTargetInfo, model: string): string[] {
  const card = info.models.find((m) => m.id === model || m.aliases.includes(model));
  return card ? [card.id, ...card.aliases] : [model];
}
