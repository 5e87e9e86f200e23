import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, relative, resolve } from 'node:path';
import {
  junitXml,
  loadProductTests,
  openProducts,
  type ProductRegistry,
  type ProductTestCaseReport,
  type ProductTestReport,
  readDeclaredResults,
  runProductTests,
} from '@plexus/runtime';
import { hasErrors, isPlexusError } from '@plexus/spec';
import { EXIT } from '../exitCodes.ts';
import { findProductDirs } from '../findProductDirs.ts';
import { formatProblems } from '../output/printProblems.ts';
import { productFinder } from '../productFinder.ts';

export interface TestCommandOptions {
  junit?: string;
  json?: boolean;
  dataDir?: string;
  /** Product folders a plugin's calls (ctx.mesh) may reach besides the sibling folders. */
  with?: string[];
}

const MARK: Record<ProductTestCaseReport['status'], string> = {
  passed: 'pass',
  failed: 'FAIL',
  error: 'ERROR',
  skipped: 'skip',
};

function caseLine(report: ProductTestCaseReport): string {
  return `  ${MARK[report.status].padEnd(5)} ${report.protocol}: ${report.name} (${report.durationMs} ms)`;
}

function failureLines(dir: string, report: ProductTestCaseReport): string[] {
  const file = relative(process.cwd(), resolve(dir, report.file)) || report.file;
  return report.failures.map(
    (failure) => `        ${file}${failure.line !== undefined ? `:${failure.line}` : ''}  ${failure.message}`,
  );
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `plexus test`: runs the tests/*.yaml of each built product and reports them; exit 1 when any fails. */
export async function testCommand(paths: string[], options: TestCommandOptions): Promise<number> {
  const dirs = await findProductDirs(paths);
  // Progress and summaries go to stderr when stdout carries JSON.
  const out = (line: string) => (options.json ? process.stderr : process.stdout).write(`${line}\n`);
  const warn = (line: string) => process.stderr.write(`${line}\n`);
  const reports: ProductTestReport[] = [];
  let failed = false;
  const failures: string[] = [];
  for (const dir of dirs) {
    const name = basename(dir);
    const loaded = await loadProductTests(dir);
    for (const line of formatProblems(dir, loaded.problems)) warn(line);
    if (hasErrors(loaded.problems)) {
      failed = true;
      failures.push(`${name}: test files have problems (see above)`);
    }
    let registry: ProductRegistry;
    try {
      registry = await openProducts([dir], {
        ...(options.dataDir ? { dataDir: options.dataDir } : {}),
        findProductDir: productFinder([dir], options.with),
      });
    } catch (error) {
      if (!isPlexusError(error)) throw error;
      failed = true;
      const message = /no snapshot yet/.test(error.message)
        ? `${name}: not built yet — run 'plexus build ${relative(process.cwd(), dir) || '.'}' first, then 'plexus test' again`
        : `${name}: cannot open the product: ${error.message}`;
      warn(message);
      failures.push(message);
      continue;
    }
    try {
      const product = registry.list()[0];
      if (!product) continue;
      if (loaded.files.length === 0)
        warn(`${name}: no test files (add tests/*.yaml; see plexus test --help)`);
      else out(`${name}: ${plural(loaded.cases.length, 'case')} in ${plural(loaded.files.length, 'file')}`);
      const report = await runProductTests(product, loaded.cases, {
        declaredResults: await readDeclaredResults(dir),
        onCase: (entry) => {
          out(caseLine(entry));
          for (const line of failureLines(dir, entry)) out(line);
        },
      });
      reports.push(report);
      for (const entry of report.cases)
        if (entry.status === 'failed' || entry.status === 'error') {
          failed = true;
          failures.push(`${name}: ${entry.protocol}: ${entry.name}`, ...failureLines(dir, entry));
        }
      if (report.untestedProtocols.length > 0)
        warn(
          `warning ${name}: ${plural(report.untestedProtocols.length, 'protocol')} without a test: ${report.untestedProtocols.join(', ')}`,
        );
    } finally {
      await registry.close();
    }
  }
  const totals = reports.reduce(
    (sum, report) => ({
      cases: sum.cases + report.totals.cases,
      passed: sum.passed + report.totals.passed,
      failed: sum.failed + report.totals.failed,
      errors: sum.errors + report.totals.errors,
      skipped: sum.skipped + report.totals.skipped,
      durationMs: sum.durationMs + report.totals.durationMs,
    }),
    { cases: 0, passed: 0, failed: 0, errors: 0, skipped: 0, durationMs: 0 },
  );
  if (options.junit) {
    const file = resolve(options.junit);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, junitXml(reports));
    out(`JUnit XML written to ${relative(process.cwd(), file) || file}`);
  }
  if (options.json) process.stdout.write(`${JSON.stringify({ reports, totals }, null, 2)}\n`);
  if (failures.length > 0) {
    out('');
    out('Failures:');
    for (const line of failures) out(line.startsWith(' ') ? line : `  ${line}`);
  }
  out('');
  out(
    `${plural(totals.cases, 'case')}: ${totals.passed} passed, ${totals.failed} failed, ${plural(totals.errors, 'error')}${totals.skipped > 0 ? `, ${totals.skipped} skipped (a product they ask is not reachable)` : ''} (${(totals.durationMs / 1000).toFixed(1)} s)`,
  );
  return failed ? EXIT.problems : EXIT.ok;
}
