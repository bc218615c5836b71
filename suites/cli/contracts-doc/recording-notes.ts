// Why a recorded real exchange does not simply pass under a contract: a human reading of each verdict,
// kept beside the data so docs/CONTRACTS.md can say it. Keyed by recording file, then by contract id
// (`*` for every contract). A test requires a note for every verdict that is not a pass, and no note
// calling a 2025-2026 recording's failure under the current contract a version gap.

export type NoteKind = 'version gap' | 'server behaviour' | 'recording' | 'status policy';

export interface RecordingNote {
  kind: NoteKind;
  text: string;
}

export const RECORDING_NOTES: Record<string, Record<string, RecordingNote>> = {
  'chat_completions__function_call_2024-02__helgesverre.json': {
    '*': {
      kind: 'server behaviour',
      text: 'The API of February 2024 answered a tool call with finish_reason "stop" and the tool call id "null" (both flagged, rightly). The recording has no request: which functions it declared is unknown, so only what needs no request is judged.',
    },
  },
  'chat_completions__reasoning_effort_none__pydantic-ai.json': {
    '2024-11': { kind: 'version gap', text: '`reasoning_effort` is not in the 2024-11 request schema, so the 200 reads as an invalid request accepted.' },
  },
  'chat_completions__stream_thinking__pydantic-ai.json': {
    '2024-11': { kind: 'version gap', text: 'Thinking chunks in `delta.content` (a list, not a string) came after 2024-11.' },
  },
  'chat_completions__thinking_content_chunks__pydantic-ai.json': {
    '2024-11': { kind: 'version gap', text: 'A thinking chunk in `message.content` and `reasoning_effort` in the request came after 2024-11.' },
  },
  'chat_completions__tool_calls__pydantic-ai.json': {
    '2024-11': { kind: 'version gap', text: '`tool_calls[].index`: ToolCall is closed (`additionalProperties: false`) in 2024-11 and declares it in 2026-07.' },
  },
  'error_400_invalid_model_raw_status_code__mistral-vibe-617.json': {
    '*': { kind: 'status policy', text: 'Undocumented 400 for an unknown model: a warning by the status policy.' },
  },
  'error_401_kong_message_request_id__cline-1734.json': {
    '*': { kind: 'status policy', text: 'Undocumented 401 from the gateway for a request it cannot know to be valid: a warning by the status policy.' },
  },
  'error_422_message_json_string_2024-01__platform-docs-7.json': {
    '*': {
      kind: 'status policy',
      text: 'The 2024 error envelope (the validation detail inside `message`), not HTTPValidationError: a known shape, a warning.',
    },
  },
  'error_429_requests_rate_limit__pydantic-ai-1885.json': {
    '*': { kind: 'status policy', text: 'Undocumented 429 (rate limit): a warning by the status policy.' },
  },
  'files_content__batch_output_jsonl_2024-11__cookbook.json': {
    '*': {
      kind: 'recording',
      text: 'Printed by a notebook: no headers were recorded, so the download has no Content-Type to judge. The JSONL body itself is the batch output.',
    },
  },
  'models_list__2024-02__helgesverre.json': {
    '*': { kind: 'version gap', text: 'The OpenAI-style model list of February 2024 (no `capabilities`, `permission` lists) predates both contracts.' },
  },
};

export function noteFor(file: string, contractId: string): RecordingNote | undefined {
  const notes = RECORDING_NOTES[file];
  return notes?.[contractId] ?? notes?.['*'];
}
