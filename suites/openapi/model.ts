// The operation model: what any OpenAPI 3.0/3.1 document says one HTTP operation accepts and answers.
// Schemas stay as JSON Schema objects (with `$ref`s into the bundled document) so that the validator
// and the generators resolve them the same way.

export type JsonSchema = Record<string, unknown> | boolean;

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

export interface MediaTypeModel {
  mediaType: string;
  schema?: JsonSchema;
  /** JSON pointer (into the bundled document) of `schema`, so validators can be compiled by reference. */
  schemaPointer?: string;
  examples: unknown[];
  /** `x-*` members of the media type object (e.g. `x-sse-terminator` from the errata). */
  extensions: Record<string, unknown>;
}

export interface ParameterModel {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema?: JsonSchema;
  schemaPointer?: string;
  style?: string;
  explode?: boolean;
  examples: unknown[];
  description?: string;
}

export interface RequestBodyModel {
  required: boolean;
  content: MediaTypeModel[];
}

export interface ResponseModel {
  /** '200', '4XX', 'default' as written in the document. */
  status: string;
  description?: string;
  content: MediaTypeModel[];
}

export interface Operation {
  /** operationId, or `METHOD path` when the document has none. Stable: report rows and config use it. */
  id: string;
  method: HttpMethod;
  /** URL path template, with any `#variant` suffix of the document's path key removed. */
  path: string;
  /** The path key exactly as written in the document (may carry a `#variant` suffix). */
  pathKey: string;
  tags: string[];
  summary?: string;
  deprecated: boolean;
  parameters: ParameterModel[];
  requestBody?: RequestBodyModel;
  responses: ResponseModel[];
  /** Effective security requirements (operation level, else document level). Empty array = none. */
  security: Array<Record<string, string[]>>;
  /** JSON pointer of the operation object in the bundled document. */
  pointer: string;
}

export interface SpecInfo {
  title: string;
  version: string;
  openapi: string;
  /** sha256 of the document's bytes as read. */
  sha256: string;
  source: string;
}

/** Finds the documented response for a status: exact code, then `NXX` range, then `default`. */
export function findResponse(op: Operation, status: number): ResponseModel | undefined {
  const exact = op.responses.find((r) => r.status === String(status));
  if (exact) return exact;
  const range = op.responses.find((r) => r.status.toUpperCase() === `${Math.floor(status / 100)}XX`);
  if (range) return range;
  return op.responses.find((r) => r.status === 'default');
}

/** Media types compare without parameters and case-insensitively (`text/event-stream; charset=utf-8`). */
export function baseMediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

export function findMediaType(content: MediaTypeModel[], contentType: string | null | undefined): MediaTypeModel | undefined {
  const base = baseMediaType(contentType);
  const exact = content.find((m) => baseMediaType(m.mediaType) === base);
  if (exact) return exact;
  // `application/*`, `*/*` wildcards as OpenAPI allows.
  const [type] = base.split('/');
  return content.find((m) => m.mediaType === `${type}/*`) ?? content.find((m) => m.mediaType === '*/*');
}
