import { relative, resolve } from 'node:path';
import type { Problem } from '@plexus/spec';
import { formatProblem } from '@plexus/spec';

/** Problems one per line as `file:line:col  code  message`, file paths relative to the working folder. */
export function formatProblems(productDir: string, problems: readonly Problem[]): string[] {
  return problems.map((problem) => {
    if (!problem.at) return formatProblem(problem);
    const file = relative(process.cwd(), resolve(productDir, problem.at.file)) || problem.at.file;
    const severity = problem.severity === 'warning' ? 'warning ' : '';
    return formatProblem({
      ...problem,
      message: `${severity}${problem.message}`,
      at: { ...problem.at, file },
    });
  });
}
