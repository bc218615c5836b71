// Which Mistral operation an exchange belongs to, by path: ids change between spec versions, the
// paths the SDKs call do not.
import type { Operation } from '../../openapi/model.js';

export const CHAT_PATH = '/v1/chat/completions';
export const FIM_PATH = '/v1/fim/completions';
export const AGENTS_PATH = '/v1/agents/completions';
export const EMBEDDINGS_PATH = '/v1/embeddings';
export const MODERATIONS_PATH = '/v1/moderations';
export const CHAT_MODERATIONS_PATH = '/v1/chat/moderations';

/** Chat, FIM and agents completions: answers with choices and usage. */
export const isCompletionOp = (op: Operation): boolean => op.path === CHAT_PATH || op.path === FIM_PATH || op.path === AGENTS_PATH;
/** Completions that take messages (and n, tools, response_format). */
export const isChatLikeOp = (op: Operation): boolean => op.path === CHAT_PATH || op.path === AGENTS_PATH;
export const isAgentsOp = (op: Operation): boolean => op.path === AGENTS_PATH;
export const isFimOp = (op: Operation): boolean => op.path === FIM_PATH;
export const isEmbeddingsOp = (op: Operation): boolean => op.path === EMBEDDINGS_PATH;
export const isModerationOp = (op: Operation): boolean => op.path === MODERATIONS_PATH || op.path === CHAT_MODERATIONS_PATH;
