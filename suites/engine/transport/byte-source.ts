// A response body as a pull source of byte chunks, with push-back (the transport peeks at the first
// bytes to decide between JSON and SSE) and a size-capped "read it all".

export interface ByteSource {
  /** The next chunk, or undefined at the end. Rejects when the connection breaks or is aborted. */
  next(): Promise<Uint8Array | undefined>;
  /** Puts a chunk back in front (peeking). */
  unshift(chunk: Uint8Array): void;
  /** Stops reading and releases the connection; never rejects. */
  cancel(): Promise<void>;
}

export function byteSource(body: ReadableStream<Uint8Array> | null): ByteSource {
  const reader = body?.getReader();
  const pending: Uint8Array[] = [];
  let finished = !reader;
  return {
    async next() {
      if (pending.length) return pending.shift();
      if (finished || !reader) return undefined;
      const r = await reader.read();
      if (r.done) {
        finished = true;
        return undefined;
      }
      return r.value;
    },
    unshift(chunk) {
      pending.unshift(chunk);
    },
    async cancel() {
      finished = true;
      pending.length = 0;
      try {
        await reader?.cancel();
      } catch {
        // Already errored or closed: nothing left to release.
      }
    },
  };
}

export interface CappedBody {
  data: Uint8Array;
  /** Bytes received (at most cap + one chunk). */
  total: number;
  truncated: boolean;
  /** Set when the connection failed before the end; `data` holds what arrived. */
  error?: unknown;
}

/** Reads until the end or until more than `cap` bytes arrived; a larger body is cut off, not buffered. */
export async function readCapped(source: ByteSource, cap: number): Promise<CappedBody> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let kept = 0;
  try {
    for (;;) {
      const chunk = await source.next();
      if (!chunk) break;
      total += chunk.byteLength;
      if (kept < cap) {
        const take = Math.min(chunk.byteLength, cap - kept);
        chunks.push(take === chunk.byteLength ? chunk : chunk.subarray(0, take));
        kept += take;
      }
      if (total > cap) {
        await source.cancel();
        return { data: concat(chunks, kept), total, truncated: true };
      }
    }
  } catch (error) {
    return { data: concat(chunks, kept), total, truncated: false, error };
  }
  return { data: concat(chunks, kept), total, truncated: false };
}

export function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
