// Numbers that are the same on every run, platform and Node version: a string hash for seeds and
// shards, and a seeded generator for jitter and stand-in text. Neither is for anything secret.

/** FNV-1a (32 bits) over code units the caller chooses (UTF-8 bytes, or code points); unsigned. */
export function fnv1a32(units: Iterable<number>): number {
  let h = 0x811c9dc5;
  for (const u of units) {
    h ^= u;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for jitter and stand-in text; uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
