import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  type DocumentPath,
  formatPath,
  problemAt,
  problemsFromSchemaIssues,
  readYamlFile,
  type YamlFile,
} from '@plexus/engine';
import type { Problem, ProductTest, ResultExpectation } from '@plexus/spec';
import { checkDocument, ProductTestSchema } from '@plexus/spec';
import type { ProductTestCase } from './ProductTestCase.ts';

/** The folder of a product that holds its test files. */
export const PRODUCT_TESTS_FOLDER = 'tests';

/** The keys of an expectation each of which is one check on its own; a cell is where + column. */
const SINGLE_CHECKS = ['present', 'value', 'p', 'ci', 'df', 'rows', 'contains', 'dataRows'] as const;

/**
 * Reads every `tests/*.yaml` of a product folder. Files with problems contribute no cases; the problems
 * carry file, line and path. Protocols and block ids are checked when the cases run, against the product.
 */
export async function loadProductTests(
  productDir: string,
): Promise<{ cases: ProductTestCase[]; problems: Problem[]; files: string[] }> {
  const names = (await readdir(resolve(productDir, PRODUCT_TESTS_FOLDER)).catch(() => [] as string[]))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  const cases: ProductTestCase[] = [];
  const problems: Problem[] = [];
  const files: string[] = [];
  for (const name of names) {
    const relativePath = join(PRODUCT_TESTS_FOLDER, name);
    files.push(relativePath);
    const file = await readYamlFile(resolve(productDir, relativePath), relativePath);
    const loaded = productTestsFromYaml(file);
    problems.push(...loaded.problems);
    cases.push(...loaded.cases);
  }
  return { cases, problems, files };
}

/** The cases of one parsed test file, or its problems (then no cases). */
export function productTestsFromYaml(file: YamlFile): { cases: ProductTestCase[]; problems: Problem[] } {
  if (file.problems.length > 0) return { cases: [], problems: file.problems };
  const schemaProblems = problemsFromSchemaIssues(file, checkDocument(ProductTestSchema, file.value));
  if (schemaProblems.length > 0) return { cases: [], problems: schemaProblems };
  const document = file.value as ProductTest;
  const problems: Problem[] = [];
  const names = new Map<string, number>();
  document.cases.forEach((definition, index) => {
    const at: DocumentPath = ['cases', index];
    const previous = names.get(definition.name);
    if (previous !== undefined)
      problems.push(
        problemAt(
          file,
          [...at, 'name'],
          'duplicate-id',
          `cases[${index}].name: '${definition.name}' is already the name of cases[${previous}]; names must be unique in a file`,
        ),
      );
    else names.set(definition.name, index);
    const failing = definition.status === 'failed';
    if (definition.error !== undefined && !failing)
      problems.push(
        problemAt(
          file,
          [...at, 'error'],
          'invalid-value',
          `cases[${index}].error: checks the message of a failed run; add status: failed`,
        ),
      );
    if (failing && (definition.expect?.length ?? 0) > 0)
      problems.push(
        problemAt(
          file,
          [...at, 'expect'],
          'invalid-value',
          `cases[${index}].expect: a failed run has no result to check; use error: <text> to check its message`,
        ),
      );
    definition.expect?.forEach((check, position) => {
      problems.push(...expectationProblems(file, [...at, 'expect', position], check));
    });
  });
  if (problems.length > 0) return { cases: [], problems };
  const cases = document.cases.map((definition, index): ProductTestCase => {
    const line = file.locate(['cases', index])?.line;
    return {
      file: file.file,
      ...(line !== undefined ? { line } : {}),
      name: definition.name,
      protocol: definition.protocol,
      params: definition.params ?? {},
      status: definition.status ?? 'succeeded',
      ...(definition.error !== undefined ? { error: definition.error } : {}),
      expect: (definition.expect ?? []).map((check, position) => {
        const at = file.locate(['cases', index, 'expect', position])?.line;
        return { check, ...(at !== undefined ? { line: at } : {}) };
      }),
    };
  });
  return { cases, problems: [] };
}

/** What the schema cannot say: one check per expectation, matchers that make sense. */
function expectationProblems(file: YamlFile, at: DocumentPath, check: ResultExpectation): Problem[] {
  const problems: Problem[] = [];
  const where = formatPath(at);
  const report = (path: DocumentPath, message: string) =>
    problems.push(
      problemAt(file, [...at, ...path], 'invalid-value', `${formatPath([...at, ...path])}: ${message}`),
    );
  const isCell = check.where !== undefined || check.column !== undefined;
  const checks: string[] = SINGLE_CHECKS.filter(
    (key) => check[key] !== undefined && !(isCell && key === 'value'),
  );
  if (isCell) checks.push('a cell (where, column)');
  if (checks.length === 0 && check.equals === undefined) {
    problems.push(
      problemAt(
        file,
        at,
        'missing-key',
        `${where}: says nothing to check of block ${check.block}; add one of present, value, p, ci, df, rows, contains, dataRows, or where + column with equals or value`,
      ),
    );
    return problems;
  }
  if (checks.length > 1)
    problems.push(
      problemAt(
        file,
        at,
        'invalid-value',
        `${where}: checks one thing of a block, found ${checks.join(', ')}; write one expectation for each`,
      ),
    );
  if (isCell) {
    if (check.where === undefined)
      report(
        ['column'],
        'a cell is picked by where (e.g. where: {group: standard}) and column; where is missing',
      );
    if (check.column === undefined)
      report(
        ['where'],
        'a cell is picked by where and column (the column of the checked cell); column is missing',
      );
    if ((check.equals === undefined) === (check.value === undefined))
      report(
        check.equals !== undefined ? ['equals'] : ['column'],
        check.equals !== undefined
          ? 'a cell is checked by equals (text) or value (a number matcher), not both'
          : 'say what the cell holds: equals: <text> or value: <number matcher>',
      );
  } else if (check.equals !== undefined) {
    report(
      ['equals'],
      'equals checks a table cell: add where and column (for a statistic, use value: {equals: …})',
    );
  }
  for (const key of ['value', 'p', 'df'] as const) {
    const matcher = check[key];
    if (matcher !== null && typeof matcher === 'object') numberMatcherProblems(matcher, [key], report);
  }
  if (check.ci !== undefined) {
    if (check.ci.lower === undefined && check.ci.upper === undefined && check.ci.level === undefined)
      report(['ci'], 'say which bound to check: lower, upper or level');
    for (const key of ['lower', 'upper'] as const) {
      const matcher = check.ci[key];
      if (matcher !== null && typeof matcher === 'object')
        numberMatcherProblems(matcher, ['ci', key], report);
    }
  }
  for (const key of ['rows', 'dataRows'] as const) {
    const matcher = check[key];
    if (matcher === undefined || typeof matcher === 'number') continue;
    if (matcher.min === undefined && matcher.max === undefined)
      report([key], 'give min, max or both (or a number for an exact count)');
    else if (matcher.min !== undefined && matcher.max !== undefined && matcher.min > matcher.max)
      report([key], `min ${matcher.min} is greater than max ${matcher.max}`);
  }
  return problems;
}

function numberMatcherProblems(
  matcher: Exclude<ResultExpectation['value'], number | null | undefined>,
  path: DocumentPath,
  report: (path: DocumentPath, message: string) => void,
): void {
  const kinds = [
    matcher.equals !== undefined ? 'equals' : undefined,
    matcher.between !== undefined ? 'between' : undefined,
    matcher.below !== undefined || matcher.above !== undefined ? 'below/above' : undefined,
  ].filter((kind): kind is string => kind !== undefined);
  if (kinds.length === 0) {
    report(path, 'give equals (with tolerance or relativeTolerance), between: [low, high], below or above');
    return;
  }
  if (kinds.length > 1) report(path, `use one of equals, between, below/above; found ${kinds.join(' and ')}`);
  if (
    matcher.equals === undefined &&
    (matcher.tolerance !== undefined || matcher.relativeTolerance !== undefined)
  )
    report(path, 'tolerance and relativeTolerance go with equals');
  if (matcher.between !== undefined && matcher.between[0] > matcher.between[1])
    report(
      [...path, 'between'],
      `the lower end ${matcher.between[0]} is greater than the upper end ${matcher.between[1]}`,
    );
  if (matcher.below !== undefined && matcher.above !== undefined && matcher.above >= matcher.below)
    report(path, `no number is above ${matcher.above} and below ${matcher.below}`);
}
