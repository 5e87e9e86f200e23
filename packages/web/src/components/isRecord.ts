/** A JSON object (not an array, not null): how answers and documents of unknown shape are narrowed. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
