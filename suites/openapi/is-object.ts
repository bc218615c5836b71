// The one guard for "a JSON object": not null, not an array. Every layer reads untrusted JSON
// (documents, answers, recordings) through it.

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
