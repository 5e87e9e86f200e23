// Kept apart from testCommand.ts so that `plexus test --help` does not load DuckDB and the runtime.

/** The after-help text of `plexus test`: an example test file and the checks it can make. */
export const TEST_HELP = `
Each product keeps its tests in tests/*.yaml. A case runs one protocol with parameters and checks
blocks of the result by id; a case passes when every check holds.

Example (products/va-lung-trial/tests/survival.yaml):

  # yaml-language-server: $schema=../../../schemas/product-test.schema.json
  apiVersion: plexus.dev/v1
  kind: ProductTest
  description: Survival by arm agrees with R (survival 3.5-3)
  cases:
    - name: log-rank test by arm equals R survdiff
      protocol: kaplan-meier
      params: { groupBy: arm }
      expect:
        - { block: log-rank, value: { equals: 0.00822734, relativeTolerance: 1e-6 } }
        - { block: log-rank, p: { above: 0.05 } }
        - { block: medians, rows: 2 }
        - { block: medians, where: { group: standard }, column: median, value: 103 }
        - { block: summary, contains: 137 patients }
        - { block: km-curve, present: true }
    - name: an unknown reference group is refused
      protocol: kaplan-meier
      params: { groupBy: arm, reference: tst }
      status: failed
      error: did you mean 'test'

Checks: present, value / p / df (a number, null, {equals, tolerance | relativeTolerance}, {between},
{below}, {above}), ci: {lower, upper, level}, rows (n or {min, max}), a cell (where + column, with
equals or value), contains (markdown), dataRows (chart data). See docs/product-tests.md.

Products must be built first (plexus build). Exit code 1 when a case fails or a test file has problems.
Examples:
  $ plexus test products                          every product in the folder
  $ plexus test products/va-lung-trial --junit reports/plexus.xml   JUnit XML for CI
  $ plexus test products --json                   the reports as JSON on stdout`;
