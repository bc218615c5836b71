// One recorded HTTP exchange, whatever file it came from (HAR 1.2, our NDJSON form).

export interface RecordedExchange {
  method: string;
  /** Path (with query) or full URL. */
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
  /** Where it came from, for messages: `file.har#3`. */
  source: string;
  startedAt?: string;
  durationMs?: number;
}

export function lowerKeys(headers: Record<string, unknown> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (v !== undefined && v !== null) out[k.toLowerCase()] = String(v);
  return out;
}
