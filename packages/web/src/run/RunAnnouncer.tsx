import type { RunExecution } from './useRunExecution.ts';

/** The sentence a screen reader hears for the state of a run; empty while nothing happens. */
export function runAnnouncement(execution: Pick<RunExecution, 'run' | 'busy' | 'error'>): string {
  const { run, busy, error } = execution;
  // A failure to start or follow has its own alert, which is read at once: saying it here too repeats it.
  if (error) return '';
  if (!run) return busy ? 'Run started' : '';
  switch (run.status) {
    case 'running':
      return 'Run started';
    case 'succeeded':
      return 'Run finished: succeeded';
    case 'failed':
      return `Run failed: ${run.error?.message ?? 'no reason given'}`;
    case 'cancelled':
      return 'Run cancelled';
  }
}

/**
 * One live region for a run, mounted with the page and only its text changing: a region that appears
 * already filled is often not read at all, and a second one for the same news would be read twice.
 */
export function RunAnnouncer({ execution }: { execution: RunExecution }) {
  return (
    <p role="status" className="visually-hidden">
      {runAnnouncement(execution)}
    </p>
  );
}
