/**
 * Runs `work` for every item with at most `limit` of them under way at once, in order; stops starting
 * new ones once `signal` is aborted. `work` handles its own failures: one failure stops nothing.
 */
export async function runLimited<T>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (!signal.aborted && next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
