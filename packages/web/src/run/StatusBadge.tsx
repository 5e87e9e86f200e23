/**
 * A status (of a run, or of a product's tests) as a coloured badge. The text says it too, so colour is
 * never the only cue; `status-none` styles the absent case.
 */
export function StatusBadge({ status, absent = 'not run' }: { status?: string | null; absent?: string }) {
  return <span className={`status status-${status ?? 'none'}`}>{status ?? absent}</span>;
}
