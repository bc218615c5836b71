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
}
