import type { ResultExpectation, Run } from '@plexus/spec';

/** One case of a product test file, ready to run: defaults applied, with where it was written. */
export interface ProductTestCase {
  /** Test file, relative to the product folder (e.g. tests/survival.yaml). */
  file: string;
  /** Line of the case in its file. */
  line?: number;
  name: string;
  protocol: string;
  params: Record<string, unknown>;
  /** The expected outcome of the run. */
  status: 'succeeded' | 'failed';
  /** With status failed: text the run's error message must contain. */
  error?: string;
  expect: Array<{ check: ResultExpectation; line?: number }>;
}

/** One failed check (or the reason a case could not be judged), with the line it was written on. */
export interface ProductTestFailure {
  message: string;
  line?: number;
}

export interface ProductTestCaseReport {
  file: string;
  line?: number;
  name: string;
  protocol: string;
  /**
   * passed: every check held; failed: some did not; error: the case could not run (unknown protocol, a
   * bug); skipped: it did not hold because a product the protocol asks (ctx.mesh) cannot be reached
   * here — a product of another node, say — so it says nothing about this product.
   */
  status: 'passed' | 'failed' | 'error' | 'skipped';
  durationMs: number;
  /** How many checks were made (expectations, declared results and the run's status). */
  checks: number;
  failures: ProductTestFailure[];
}

export interface ProductTestTotals {
  cases: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
  durationMs: number;
}

export interface ProductTestReport {
  product: string;
  cases: ProductTestCaseReport[];
  /** Protocols of the product that no case runs. */
  untestedProtocols: string[];
  totals: ProductTestTotals;
}

/** A block a protocol declares that its results hold (protocol `results`); optional ones may be absent. */
export interface DeclaredResult {
  id: string;
  type?: string;
  optional?: boolean;
}

/** What the runner needs of a product: ProductService satisfies it, and so does a test double. */
export interface TestableProduct {
  readonly id: string;
  protocols(): ReadonlyArray<{ id: string }>;
  run(protocolId: string, params: unknown): Promise<Run>;
}
