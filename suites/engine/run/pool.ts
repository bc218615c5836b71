// Runs items through a worker, `concurrency` at a time, until a stop: items not started then are
// skipped, and counted.

/** Returns how many items were skipped because `stop()` said so. */
export async function pool<T>(items: T[], concurrency: number, worker: (item: T) => Promise<void>, stop: () => boolean): Promise<number> {
  let next = 0;
  let skipped = 0;
  const runners = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next]!;
      // Let an item be collected once it has run: a long plan must not stay in memory to the end.
      items[next++] = undefined as T;
      if (stop()) {
        skipped++;
        continue;
      }
      await worker(item);
    }
  });
  await Promise.all(runners);
  return skipped;
}
