/** The longest a client may ask the node to hold a request open for a run, in milliseconds. */
const MAX_WAIT_MS = 600_000;

/**
 * How long to wait for a run before answering 202, from the RFC 7240 `Prefer` header: `respond-async`
 * answers at once, `wait=N` waits up to N seconds; without either, the node's own threshold.
 */
export function preferredWait(prefer: string | string[] | undefined, defaultMs: number): number {
  const text = Array.isArray(prefer) ? prefer.join(',') : (prefer ?? '');
  const preferences = text
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
  if (preferences.includes('respond-async')) return 0;
  for (const preference of preferences) {
    const match = /^wait\s*=\s*(\d{1,6})$/.exec(preference);
    if (match) return Math.min(Number(match[1]) * 1000, MAX_WAIT_MS);
  }
  return defaultMs;
}
