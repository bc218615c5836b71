// Which models the chains use: a fine-tunable one the spec lists (preferring one the target offers
// for fine-tuning) and a chat model for batch requests.
import type { MistralTargetInfo } from '../../target-info.js';

export function fineTuneModel(info: MistralTargetInfo, documented: string[]): string {
  const offered = info.models.filter((m) => documented.includes(m.id) || m.aliases.some((a) => documented.includes(a)));
  const card = offered.find((m) => m.capabilities.fine_tuning) ?? offered[0];
  if (card) return documented.includes(card.id) ? card.id : card.aliases.find((a) => documented.includes(a))!;
  return documented[0] ?? 'open-mistral-7b';
}

export function batchModel(info: MistralTargetInfo): string {
  return info.chatModel ?? info.models.find((m) => m.capabilities.completion_chat)?.id ?? info.models[0]?.id ?? 'mistral-small-latest';
}
