import { ErrorAlert } from '../components/ErrorAlert.tsx';
import type { RunExecution } from './useRunExecution.ts';

/**
 * What went wrong with a run, titled by when it went wrong: a run that never started, one the page lost
 * track of (it may still finish: its record will show it), and a cancel that did not go through.
 */
export function RunErrors({ execution, noun = 'run' }: { execution: RunExecution; noun?: string }) {
  const { error, cancelError } = execution;
  return (
    <>
      {error && (
        <ErrorAlert
          error={error.failure}
          title={
            error.phase === 'start' ? `The ${noun} could not start` : `The page lost track of the ${noun}`
          }
        />
      )}
      <ErrorAlert error={cancelError} title={`The ${noun} could not be cancelled`} />
    </>
  );
}
