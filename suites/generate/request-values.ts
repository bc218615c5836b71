// A generated request before and after encoding: the typed values (what schemas validate) and the
// wire form (`RequestSpec`, what the transport sends).
import type { RequestSpec, Violation } from './request-types.js';

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface RequestValues {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
  cookie: Record<string, unknown>;
  /** JSON value, or for multipart the object whose properties become parts. */
  body?: unknown;
  /** The request media type the body is for. */
  mediaType?: string;
}

export interface GeneratedRequest {
  values: RequestValues;
  request: RequestSpec;
}

/** A request that breaks exactly one constraint. */
export interface NegativeRequest extends GeneratedRequest {
  violation: Violation;
  /**
   * The valid request this one changes in one place, when that is more than the base it was made
   * from: the containers the broken value needed, valid (the base with a `tools` list added, for a
   * broken `tools[0].function.name`). A target must accept it for the verdict to name one cause.
   */
  support?: RequestValues;
}
