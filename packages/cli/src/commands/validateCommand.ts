import { basename, relative } from 'node:path';
import { validateProduct } from '@plexus/runtime';
import { hasErrors } from '@plexus/spec';
import { EXIT } from '../exitCodes.ts';
import { findProductDirs } from '../findProductDirs.ts';
import { formatProblems } from '../output/printProblems.ts';

export async function validateCommand(paths: string[], options: { json?: boolean }): Promise<number> {
  const dirs = await findProductDirs(paths);
  let failed = false;
  const report: Array<{ product: string; problems: unknown[] }> = [];
  for (const dir of dirs) {
    const problems = await validateProduct(dir);
    failed ||= hasErrors(problems);
    if (options.json) {
      report.push({ product: relative(process.cwd(), dir) || '.', problems });
      continue;
    }
    for (const line of formatProblems(dir, problems)) process.stdout.write(`${line}\n`);
    const errors = problems.filter((problem) => problem.severity === 'error').length;
    const warnings = problems.length - errors;
    const verdict = errors === 0 ? 'valid' : `${errors} error${errors === 1 ? '' : 's'}`;
    process.stderr.write(
      `${basename(dir)}: ${verdict}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}\n`,
    );
  }
  if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return failed ? EXIT.problems : EXIT.ok;
}
