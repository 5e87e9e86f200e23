import { formatLocation, InputError, type Problem } from '@plexus/spec';

/** A build stopped by problems in the product (not by a bug): carries every problem found. */
export class BuildFailedError extends InputError {
  constructor(readonly problems: Problem[]) {
    const errors = problems.filter((problem) => problem.severity === 'error');
    super(
      `build failed with ${errors.length} problem${errors.length === 1 ? '' : 's'}`,
      errors.map((problem) => ({
        at: problem.at ? formatLocation(problem) : undefined,
        message: problem.message,
      })),
    );
  }
}
