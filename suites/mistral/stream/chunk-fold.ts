// Folds the JSON chunks of a chat/FIM/agents completion stream into what the stream checks need:
// per choice the role of the first delta, the joined content and tool calls, the finish reasons and
// the last event mentioning it; across chunks the ids, models and usage blocks. Memory is O(choices)
// besides the joined content (which is the answer itself). The state is plain JSON, so it survives
// the event log. `step` updates the state it is given and returns it: copying per chunk would make
// long streams quadratic, and the transport owns the state exclusively.
import { baseMediaType, type Operation } from '../../openapi/model.js';
import type { ReadableFold } from '../../checks/define-stream-check.js';
import { isObject } from '../../openapi/is-object.js';

export const CHUNK_FOLD_ID = 'mistral-chunks';
/** Tracked choices, distinct ids and models, and usage occurrences are capped (a faulty server may send thousands). */
const MAX_TRACKED = 32;

export interface FoldedToolCall {
  /** The `index` the server gave the fragment (OpenAI-style streams), when it gave one. */
  index?: number;
  id?: string;
  type?: string;
  name: string;
  /** Argument fragments joined (strings), or the object when the server sent an object. */
  arguments: string | Record<string, unknown>;
}

export interface FoldedChoice {
  index: number;
  /** Whether the first delta of this choice carried a (non-null) role, and which. */
  firstDeltaRole: string | null;
  content: string;
  toolCalls: FoldedToolCall[];
  finishReasons: Array<{ reason: string; event: number }>;
  firstEvent: number;
  lastEvent: number;
}

export interface ChunkFoldState {
  /** JSON chunks folded. */
  events: number;
  /** Event index of the last chunk folded (event indexes count every SSE event, JSON or not). */
  lastEvent: number;
  /** Chunks that were not objects with a `choices` array. */
  malformed: number;
  /** Choice entries without an integer `index`. */
  choicesWithoutIndex: number;
  ids: string[];
  idCount: number;
  models: string[];
  modelCount: number;
  /** Chunks without a string id / model. */
  missingId: number;
  missingModel: number;
  usage: Array<{ event: number; value: unknown }>;
  usageCount: number;
  /** total_tokens of the last usage block: what the run's token budget counts. */
  usageTotal?: number;
  choices: FoldedChoice[];
  /** Choices beyond the tracking cap (counted, not folded). */
  untrackedChoices: number;
  maxChoiceIndex: number;
}

function addDistinct(list: string[], value: string): boolean {
  if (list.includes(value)) return false;
  if (list.length < MAX_TRACKED) list.push(value);
  return true;
}

/** Text of a delta's content: a string, or the text parts of a content-chunk array. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (isObject(part) && typeof part.text === 'string' ? part.text : '')).join('');
}

function mergeToolCall(calls: FoldedToolCall[], raw: unknown, fresh: Set<FoldedToolCall>): void {
  if (!isObject(raw)) return;
  const fn = isObject(raw.function) ? raw.function : {};
  const index = typeof raw.index === 'number' ? raw.index : undefined;
  const id = typeof raw.id === 'string' ? raw.id : undefined;
  // A fragment continues an earlier call with the same index (OpenAI style) or the same id; a call
  // without either is a whole call (Mistral sends whole calls, several per delta, without index).
  // A fragment with the same index but another real id is a new call: some servers number every
  // whole call 0, and merging those would join two calls' arguments into invalid JSON.
  let target = index !== undefined ? calls.findLast((c) => c.index === index) : undefined;
  if (target && id !== undefined && id !== 'null' && target.id !== undefined && target.id !== id) target = undefined;
  if (!target && id !== undefined && id !== 'null') target = calls.find((c) => c.id === id && !fresh.has(c));
  if (!target) {
    if (calls.length >= MAX_TRACKED) return;
    target = { name: '', arguments: '' };
    if (index !== undefined) target.index = index;
    calls.push(target);
    fresh.add(target);
  }
  if (id !== undefined && target.id === undefined) target.id = id;
  if (typeof raw.type === 'string' && target.type === undefined) target.type = raw.type;
  if (typeof fn.name === 'string' && fn.name !== '') target.name = target.name === '' ? fn.name : target.name;
  if (isObject(fn.arguments)) target.arguments = fn.arguments;
  else if (typeof fn.arguments === 'string') target.arguments = typeof target.arguments === 'string' ? target.arguments + fn.arguments : fn.arguments;
}

function foldChoice(state: ChunkFoldState, raw: unknown, event: number): void {
  if (!isObject(raw) || typeof raw.index !== 'number' || !Number.isInteger(raw.index)) {
    state.choicesWithoutIndex++;
    return;
  }
  const index = raw.index;
  state.maxChoiceIndex = Math.max(state.maxChoiceIndex, index);
  let choice = state.choices.find((c) => c.index === index);
  const delta = isObject(raw.delta) ? raw.delta : {};
  if (!choice) {
    if (state.choices.length >= MAX_TRACKED) {
      state.untrackedChoices++;
      return;
    }
    choice = {
      index,
      firstDeltaRole: typeof delta.role === 'string' ? delta.role : null,
      content: '',
      toolCalls: [],
      finishReasons: [],
      firstEvent: event,
      lastEvent: event,
    };
    state.choices.push(choice);
  }
  choice.lastEvent = event;
  choice.content += contentText(delta.content);
  if (Array.isArray(delta.tool_calls)) {
    const fresh = new Set<FoldedToolCall>();
    for (const call of delta.tool_calls) mergeToolCall(choice.toolCalls, call, fresh);
  }
  if (typeof raw.finish_reason === 'string') choice.finishReasons.push({ reason: raw.finish_reason, event });
}

export function initialChunkFold(): ChunkFoldState {
  return {
    events: 0,
    lastEvent: -1,
    malformed: 0,
    choicesWithoutIndex: 0,
    ids: [],
    idCount: 0,
    models: [],
    modelCount: 0,
    missingId: 0,
    missingModel: 0,
    usage: [],
    usageCount: 0,
    choices: [],
    untrackedChoices: 0,
    maxChoiceIndex: -1,
  };
}

export function foldChunk(state: ChunkFoldState, chunk: unknown, event: number): ChunkFoldState {
  state.events++;
  state.lastEvent = event;
  if (!isObject(chunk) || !Array.isArray(chunk.choices)) {
    state.malformed++;
    if (!isObject(chunk)) return state;
  }
  if (typeof chunk.id === 'string') {
    if (addDistinct(state.ids, chunk.id)) state.idCount++;
  } else state.missingId++;
  if (typeof chunk.model === 'string') {
    if (addDistinct(state.models, chunk.model)) state.modelCount++;
  } else state.missingModel++;
  if (isObject(chunk.usage)) {
    state.usageCount++;
    if (state.usage.length < MAX_TRACKED) state.usage.push({ event, value: chunk.usage });
    const total = chunk.usage.total_tokens;
    if (typeof total === 'number' && Number.isFinite(total)) state.usageTotal = total;
  }
  if (Array.isArray(chunk.choices)) for (const c of chunk.choices) foldChoice(state, c, event);
  return state;
}

/** Operations whose 200 answer documents an event stream of completion chunks. */
export function streamsCompletionChunks(op: Operation): boolean {
  const ok = op.responses.find((r) => r.status === '200');
  return ok?.content.some((m) => baseMediaType(m.mediaType) === 'text/event-stream') === true;
}

/** Whether a transcript's value is this fold's state (transcripts hold plain JSON). */
export function isChunkFoldState(value: unknown): value is ChunkFoldState {
  return isObject(value) && Array.isArray(value.choices);
}

export const chunkFold: ReadableFold<ChunkFoldState> = {
  id: CHUNK_FOLD_ID,
  name: 'chunk fold',
  isState: isChunkFoldState,
  appliesTo: streamsCompletionChunks,
  init: initialChunkFold,
  step: foldChunk,
};
