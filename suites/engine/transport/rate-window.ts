// The exact sliding-window ceiling of the pacer: at most R requests reaching the server in any window
// of one second. A plain token bucket would let 2R through in a second (a full bucket plus its
// refill), so this keeps the times of the last R grants and only grants when the oldest one is a full
// window old. The time kept for a request is the latest moment it can have reached the server (when
// its response headers came, or it ended), not when it was granted: network latency varies, and a
// window measured from grant times lets R+1 arrive within a second when one request travels slower.

export interface RateWindow {
  /** ms to wait before the next grant: 0 now, Infinity while the oldest grant it waits on has no answer yet. */
  wait(now: number): number;
  /** Records a grant; its slot is stamped once the request has surely arrived. */
  grant(): number;
  stamp(slot: number, now: number): void;
}

/** undefined when there is no rate limit (absent or 0). R >= 1: floor(R) grants per second; R < 1: one per 1/R seconds. */
export function createRateWindow(ratePerSecond: number | undefined, marginMs: number): RateWindow | undefined {
  if (!ratePerSecond || ratePerSecond <= 0) return undefined;
  const perWindow = Math.max(1, Math.floor(ratePerSecond));
  const windowMs = (ratePerSecond >= 1 ? 1000 : 1000 / ratePerSecond) + marginMs;
  const grants = new Float64Array(perWindow);
  let granted = 0;
  return {
    wait(now) {
      if (granted < perWindow) return 0;
      const oldest = grants[granted % perWindow]!;
      // Still in flight with no answer yet: it may not have arrived, so its window has not started.
      if (oldest === Infinity) return Infinity;
      return Math.max(0, oldest + windowMs - now);
    },
    grant() {
      const slot = granted++ % perWindow;
      // A slot holding Infinity is never reused, so stamping it later cannot hit another grant's slot.
      grants[slot] = Infinity;
      return slot;
    },
    stamp(slot, now) {
      grants[slot] = now;
    },
  };
}
