// The wire-level shapes generation produces and the transport sends: a request, the constraint a
// negative case breaks, and the hints a suite gives generation. They live in the lowest layer that
// needs them (generation), so every layer above imports them downwards.

export interface MultipartPart {
  name: string;
  /** Text value, or file content (with filename) for file parts. */
  value: string | Uint8Array;
  filename?: string;
  contentType?: string;
}

export type RequestBody =
  | { kind: 'json'; value: unknown }
  /** Bytes sent as-is: malformed JSON, wrong content types. */
  | { kind: 'raw'; text: string; contentType: string }
  | { kind: 'multipart'; parts: MultipartPart[] };

/** How a request authenticates: the configured credentials, none at all, or an explicit (wrong) one. */
export type AuthMode = { kind: 'default' } | { kind: 'none' } | { kind: 'invalid'; value: string };

export interface RequestSpec {
  /** Upper-case HTTP method. */
  method: string;
  /** Concrete path, parameters already substituted and encoded: `/v1/models/abc`. */
  path: string;
  query: Array<[string, string]>;
  /** Extra headers (never the credentials: those come from AuthMode, so they can be redacted). */
  headers: Record<string, string>;
  body?: RequestBody;
  auth: AuthMode;
  /** The request asks for a server-sent-event stream (e.g. `stream: true`). */
  stream?: boolean;
}

/** Exactly which constraint a negative case breaks, so a failure can say what was sent and why. */
export interface Violation {
  /** Constraint family, used to group findings: `maximum`, `type`, `required`, `enum`, ... */
  constraint: string;
  /** Where: `body.temperature`, `query.page`, `header.content-type`, `body` (malformed JSON). */
  location: string;
  /** Human description: `temperature = 2.7 (maximum 1.5)`. */
  detail: string;
  /** The `loc` a FastAPI-style 422 should point at, e.g. ['body', 'temperature']. */
  expectedLoc?: Array<string | number>;
}

export interface GenerationHints {
  /** Values to use for body properties / parameters, by JSON path-ish key: `body.model`, `path.model_id`, `query.model`. */
  fixed: Record<string, unknown[]>;
  /** Skip the operation entirely with this reason (e.g. agents without --agent-id). */
  skip?: string;
  /** Cap numeric properties (e.g. `body.max_tokens` at 16 to keep paid runs cheap). */
  caps?: Record<string, number>;
  /** Operations whose path parameters name resources this run has no way to obtain. */
  unknownResource?: boolean;
  /**
   * Optional values the smallest valid request (the base every negative and boundary case changes in
   * one place) still holds, by the same keys as `fixed`: `{'body.max_tokens': 16}` keeps a paid base cheap.
   */
  base?: Record<string, unknown>;
}
