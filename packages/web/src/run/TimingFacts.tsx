import { formatDuration, formatTime } from '../components/format.ts';

/** When a run (or a federated question) started and how long it took, as two entries of a fact list. */
export function TimingFacts({ startedAt, durationMs }: { startedAt: string; durationMs: number | null }) {
  return (
    <>
      <div>
        <dt>Started</dt>
        <dd>{formatTime(startedAt)}</dd>
      </div>
      <div>
        <dt>Duration</dt>
        <dd>{formatDuration(durationMs)}</dd>
      </div>
    </>
  );
}
