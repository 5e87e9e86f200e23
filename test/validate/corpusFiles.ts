import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, type Problem } from '@plexus/spec';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const corpusRoot = join(repoRoot, 'test', 'corpus');
export const cliBin = join(repoRoot, 'packages', 'cli', 'bin', 'plexus.mjs');

/** Set UPDATE_CORPUS=1 to rewrite every expected.txt from what the code prints now (then read the diff!). */
export const updateCorpus = process.env.UPDATE_CORPUS === '1';

export type CorpusKind = 'validate' | 'build';

/** Case folder names of one kind (folders holding a product.yaml), sorted so test order is stable. */
export async function caseNames(kind: CorpusKind): Promise<string[]> {
  const entries = await readdir(join(corpusRoot, kind), { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(join(corpusRoot, kind, entry.name, 'product.yaml')))
    .map((entry) => entry.name)
    .sort();
}

/**
 * One problem as `plexus validate` / `plexus build` print it when run inside the case folder: the
 * file path is already relative to the product folder, and warnings carry the CLI's `warning ` prefix.
 */
export function formatCorpusLine(problem: Problem): string {
  const prefix = problem.severity === 'warning' ? 'warning ' : '';
  return formatProblem({ ...problem, message: `${prefix}${problem.message}` });
}

/** The lines of expected.txt; an empty file means "no problems". */
export async function readExpected(caseDir: string): Promise<string[]> {
  const text = await readFile(join(caseDir, 'expected.txt'), 'utf8');
  return splitLines(text);
}

export function splitLines(text: string): string[] {
  return text.split('\n').filter((line, index, all) => !(line === '' && index === all.length - 1));
}

/** In update mode, writes the actual lines; otherwise returns the expected ones for comparison. */
export async function expectedOrUpdate(caseDir: string, actual: readonly string[]): Promise<string[]> {
  if (updateCorpus) {
    await writeFile(join(caseDir, 'expected.txt'), actual.map((line) => `${line}\n`).join(''));
    return [...actual];
  }
  return readExpected(caseDir);
}
