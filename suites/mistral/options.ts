// The Mistral suite's own run options: what the generic engine never reads. The public API takes them
// flat beside the engine's (`ConformanceOptions`) and hands them to the suite.
export interface MistralRunOptions {
  /** Cap on `max_tokens` (and the like) of generated requests: keeps paid calls cheap. */
  maxTokens: number;
  /** Model ids to use when the target's model list does not name one of a kind. */
  models: string[];
  /** Send paid operations for real (fine-tuning jobs, batches) instead of dry runs only. */
  allowCostly: boolean;
  /** An agent to call: the spec has no way to create one. */
  agentId?: string;
}
