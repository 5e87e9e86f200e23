import type { ResultDocument, Run } from '@plexus/spec';
import { didYouMean, isPlexusError } from '@plexus/spec';
import { checkExpectation } from './checkExpectation.ts';
import type {
  DeclaredResult,
  ProductTestCase,
  ProductTestCaseReport,
  ProductTestFailure,
  ProductTestReport,
  TestableProduct,
} from './ProductTestCase.ts';
import { declaredResultsOf } from './readDeclaredResults.ts';

export interface RunProductTestsOptions {
  /** Result blocks each protocol declares (see readDeclaredResults); else taken from protocols() if it lists them. */
  declaredResults?: ReadonlyMap<string, readonly DeclaredResult[]>;
  /** Called after each case, e.g. to print a progress line. */
  onCase?: (report: ProductTestCaseReport) => void;
}

type Outcome =
  | { kind: 'run'; run: Run }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'error'; message: string };

/** A missing declared block, or one of another type than declared. */
function declaredResultFailures(
  protocol: string,
  declared: readonly DeclaredResult[],
  result: ResultDocument | undefined,
): string[] {
  const failures: string[] = [];
  for (const expected of declared) {
    const found = result?.blocks.find((block) => block.id === expected.id);
    if (!found) {
      if (!expected.optional)
        failures.push(
          `protocol ${protocol} declares result block ${expected.id}${expected.type ? ` (${expected.type})` : ''}, but the result has no such block`,
        );
    } else if (expected.type !== undefined && found.type !== expected.type) {
      failures.push(
        `protocol ${protocol} declares result block ${expected.id} as a ${expected.type} block, but it is a ${found.type} block`,
      );
    }
  }
  return failures;
}

async function runCase(product: TestableProduct, testCase: ProductTestCase): Promise<Outcome> {
  try {
    return { kind: 'run', run: await product.run(testCase.protocol, testCase.params) };
  } catch (error) {
    // Refused parameters and the like: the run did not happen, which a `status: failed` case may expect.
    if (isPlexusError(error)) return { kind: 'refused', code: error.code, message: error.message };
    return {
      kind: 'error',
      message: `internal error: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Runs one case and judges it. */
async function judgeCase(
  product: TestableProduct,
  protocolIds: readonly string[],
  declared: ReadonlyMap<string, readonly DeclaredResult[]>,
  testCase: ProductTestCase,
): Promise<ProductTestCaseReport> {
  const started = performance.now();
  const base = {
    file: testCase.file,
    ...(testCase.line !== undefined ? { line: testCase.line } : {}),
    name: testCase.name,
    protocol: testCase.protocol,
  };
  const done = (
    status: ProductTestCaseReport['status'],
    failures: ProductTestFailure[],
    checks: number,
  ): ProductTestCaseReport => ({
    ...base,
    status,
    durationMs: Math.round(performance.now() - started),
    checks,
    failures,
  });
  const at = testCase.line !== undefined ? { line: testCase.line } : {};
  if (!protocolIds.includes(testCase.protocol))
    return done(
      'error',
      [
        {
          ...at,
          message: `product ${product.id} has no protocol '${testCase.protocol}'${didYouMean(testCase.protocol, protocolIds)} (it has: ${protocolIds.join(', ')})`,
        },
      ],
      0,
    );
  const outcome = await runCase(product, testCase);
  if (outcome.kind === 'error') return done('error', [{ ...at, message: outcome.message }], 0);
  const failed =
    outcome.kind === 'refused'
      ? { code: outcome.code, message: outcome.message }
      : outcome.run.status === 'failed'
        ? (outcome.run.error ?? { code: 'UNKNOWN', message: 'no error given' })
        : undefined;
  if (testCase.status === 'failed') {
    if (!failed) return done('failed', [{ ...at, message: 'expected the run to fail, but it succeeded' }], 1);
    if (testCase.error !== undefined && !failed.message.includes(testCase.error))
      return done(
        'failed',
        [
          {
            ...at,
            message: `the run failed as expected, but its error does not contain '${testCase.error}': ${failed.code}: ${failed.message}`,
          },
        ],
        1,
      );
    return done('passed', [], testCase.error !== undefined ? 2 : 1);
  }
  if (failed)
    return done(
      'failed',
      [{ ...at, message: `expected the run to succeed, but it failed: ${failed.code}: ${failed.message}` }],
      1,
    );
  const result = outcome.kind === 'run' ? outcome.run.result : undefined;
  const unreachable = unreachableProducts(outcome.kind === 'run' ? outcome.run : undefined);
  if (failed && unreachable.length > 0)
    return done('skipped', [{ ...at, message: skippedBecause(unreachable) }], 0);
  const failures: ProductTestFailure[] = [];
  const declaredBlocks = declared.get(testCase.protocol) ?? [];
  for (const message of declaredResultFailures(testCase.protocol, declaredBlocks, result))
    failures.push({ ...at, message });
  for (const { check, line } of testCase.expect) {
    const checked = checkExpectation(result, check);
    if (!checked.pass) failures.push({ ...(line !== undefined ? { line } : at), message: checked.message });
  }
  if (failures.length > 0 && unreachable.length > 0)
    return done('skipped', [{ ...at, message: skippedBecause(unreachable) }], 0);
  return done(
    failures.length > 0 ? 'failed' : 'passed',
    failures,
    1 + declaredBlocks.length + testCase.expect.length,
  );
}

/** Codes of a mesh request that found nothing to ask: the product is elsewhere, not broken. */
const NOT_HERE = new Set(['MESH_NOT_FOUND', 'MESH_UNAVAILABLE']);

/** The products a run asked for but could not reach from here (by its provenance, or its error). */
function unreachableProducts(run: Run | undefined): string[] {
  if (!run) return [];
  if (run.status === 'failed') return run.error && NOT_HERE.has(run.error.code) ? ['another product'] : [];
  const calls = run.result?.provenance.calls ?? [];
  return [
    ...new Set(
      calls.filter((call) => call.error && NOT_HERE.has(call.error.code)).map((call) => call.product.id),
    ),
  ];
}

function skippedBecause(products: readonly string[]): string {
  return `skipped: the protocol asks ${products.join(', ')}, which cannot be reached here (open it beside this product, or test where it is served)`;
}

/**
 * Runs test cases against a product, one after another, and reports each case (passed, failed or
 * error, with its failures), the protocols no case runs, and totals.
 */
export async function runProductTests(
  product: TestableProduct,
  cases: readonly ProductTestCase[],
  options: RunProductTestsOptions = {},
): Promise<ProductTestReport> {
  const started = performance.now();
  const protocols = product.protocols();
  const protocolIds = protocols.map((protocol) => protocol.id);
  const declared = new Map<string, readonly DeclaredResult[]>();
  for (const protocol of protocols) {
    const listed = options.declaredResults?.get(protocol.id) ?? declaredResultsOf(protocol);
    if (listed) declared.set(protocol.id, listed);
  }
  const reports: ProductTestCaseReport[] = [];
  for (const testCase of cases) {
    const report = await judgeCase(product, protocolIds, declared, testCase);
    reports.push(report);
    options.onCase?.(report);
  }
  const tested = new Set(cases.map((testCase) => testCase.protocol));
  const count = (status: ProductTestCaseReport['status']) =>
    reports.filter((report) => report.status === status).length;
  return {
    product: product.id,
    cases: reports,
    untestedProtocols: protocolIds.filter((id) => !tested.has(id)),
    totals: {
      cases: reports.length,
      passed: count('passed'),
      failed: count('failed'),
      errors: count('error'),
      skipped: count('skipped'),
      durationMs: Math.round(performance.now() - started),
    },
  };
}
