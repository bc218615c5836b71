// Median, p95 and max of the gaps between stream events in bounded memory: a fixed reservoir (with
// deterministic replacement, so reports are reproducible) plus an exact count and max.

const CAPACITY = 4096;

export class GapStats {
  private readonly sample = new Float64Array(CAPACITY);
  private size = 0;
  private count = 0;
  private max = 0;

  add(gapMs: number): void {
    this.count++;
    if (gapMs > this.max) this.max = gapMs;
    if (this.size < CAPACITY) {
      this.sample[this.size++] = gapMs;
      return;
    }
    // Knuth multiplicative hash as a stand-in for a random index: keeps every gap equally likely
    // to stay without a seeded generator on the hot path.
    const j = Math.imul(this.count, 2654435761) >>> 0;
    const slot = j % this.count;
    if (slot < CAPACITY) this.sample[slot] = gapMs;
  }

  summary(): { median: number; p95: number; max: number; count: number } {
    if (this.size === 0) return { median: 0, p95: 0, max: 0, count: 0 };
    const sorted = this.sample.slice(0, this.size).sort();
    const q = (p: number): number => sorted[Math.min(this.size - 1, Math.floor(p * (this.size - 1) + 0.5))]!;
    return { median: round(q(0.5)), p95: round(q(0.95)), max: round(this.max), count: this.count };
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
