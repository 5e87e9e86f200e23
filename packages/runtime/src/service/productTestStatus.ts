import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatProblem } from '@plexus/spec';
import { loadProductTests } from '../testing/loadProductTests.ts';
import { runProductTests } from '../testing/runProductTests.ts';
import type { ProductRuntime } from './ProductRuntime.ts';

/** How a product version fared in its own tests (tests/*.yaml), as its metadata shows it. */
export interface ProductTestStatus {
  /** none: the product has no tests. */
  status: 'passed' | 'failed' | 'none';
  cases: number;
  passed: number;
  failed: number;
  errors: number;
  /**
   * Cases that could not be judged because a product their protocol asks (ctx.mesh) is not on this
   * node (tests run before the node joins its mesh); they count neither as passed nor as failed.
   */
  skipped?: number;
  /** Protocols no test case runs. */
  untestedProtocols: string[];
  /** The first failures, one line each: file:line, case, what was expected and found. */
  failures: string[];
  /** When the tests ran: they run once per definition, data and engine version. */
  checkedAt: string;
  /** The node serves this version although its tests fail, because it was started with the override. */
  overridden?: boolean;
}

const SHOWN_FAILURES = 10;

function statusFile(runtime: ProductRuntime): string {
  const { definitionHash, dataVersion } = runtime.versions;
  return join(runtime.snapshotRoot, 'tests', `${definitionHash}-${dataVersion}.json`);
}

/**
 * Runs a product version's tests, or recalls how they went: the result depends only on the versions,
 * so it is kept beside the snapshots and a restart does not run them again.
 */
export async function productTestStatus(runtime: ProductRuntime): Promise<ProductTestStatus> {
  const file = statusFile(runtime);
  const { engineVersion } = runtime.versions;
  try {
    const kept = JSON.parse(await readFile(file, 'utf8')) as {
      engineVersion: string;
      status: ProductTestStatus;
    };
    if (kept.engineVersion === engineVersion) return kept.status;
  } catch {
    // Not run for this version yet.
  }
  const loaded = await loadProductTests(runtime.definitionDir);
  const problems = loaded.problems.filter((problem) => problem.severity === 'error');
  const report = await runProductTests(runtime, loaded.cases);
  const failures = [
    ...problems.map((problem) => formatProblem(problem)),
    ...report.cases
      .filter((testCase) => testCase.status === 'failed' || testCase.status === 'error')
      .flatMap((testCase) =>
        testCase.failures.map(
          (failure) =>
            `${testCase.file}${testCase.line ? `:${testCase.line}` : ''} ${testCase.name}: ${failure.message}`,
        ),
      ),
  ];
  const { totals } = report;
  const status: ProductTestStatus = {
    status:
      failures.length > 0 || totals.failed + totals.errors > 0
        ? 'failed'
        : totals.cases === 0
          ? 'none'
          : 'passed',
    cases: totals.cases,
    passed: totals.passed,
    failed: totals.failed + problems.length,
    errors: totals.errors,
    ...(totals.skipped > 0 ? { skipped: totals.skipped } : {}),
    untestedProtocols: report.untestedProtocols,
    failures: failures.slice(0, SHOWN_FAILURES),
    checkedAt: new Date().toISOString(),
  };
  await mkdir(join(runtime.snapshotRoot, 'tests'), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ engineVersion, status }, null, 2)}\n`);
  await rename(temporary, file);
  return status;
}
