import type { ProductTestCaseReport, ProductTestReport } from './ProductTestCase.ts';

/** Text safe inside XML attributes and elements; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML 1.0 forbids.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

function testcase(product: string, report: ProductTestCaseReport): string {
  const classname = `${product}.${report.file.replace(/\.ya?ml$/, '').replace(/[\\/]/g, '.')}`;
  const open = `    <testcase${attributes({ classname, name: report.name, time: seconds(report.durationMs) })}`;
  if (report.status === 'passed') return `${open}/>`;
  if (report.status === 'skipped')
    return `${open}>\n      <skipped${attributes({ message: report.failures[0]?.message ?? 'skipped' })}/>\n    </testcase>`;
  const element = report.status === 'error' ? 'error' : 'failure';
  const lines = report.failures.map(
    (failure) => `${report.file}${failure.line !== undefined ? `:${failure.line}` : ''}: ${failure.message}`,
  );
  const first = report.failures[0]?.message ?? report.status;
  return [
    `${open}>`,
    `      <${element}${attributes({ message: first, type: report.status === 'error' ? 'error' : 'assertion' })}>${escapeXml(lines.join('\n'))}</${element}>`,
    '    </testcase>',
  ].join('\n');
}

/**
 * JUnit XML for CI systems: one testsuite per product and test file, one testcase per case (failure or
 * error elements with every failed check), and a testsuite per product listing untested protocols as skipped.
 */
export function junitXml(reports: ProductTestReport | readonly ProductTestReport[]): string {
  const all = Array.isArray(reports)
    ? (reports as readonly ProductTestReport[])
    : [reports as ProductTestReport];
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  let time = 0;
  for (const report of all) {
    const files = [...new Set(report.cases.map((entry) => entry.file))];
    for (const file of files) {
      const cases = report.cases.filter((entry) => entry.file === file);
      const suite = {
        name: `${report.product}/${file}`,
        tests: cases.length,
        failures: cases.filter((entry) => entry.status === 'failed').length,
        errors: cases.filter((entry) => entry.status === 'error').length,
        skipped: cases.filter((entry) => entry.status === 'skipped').length,
        time: seconds(cases.reduce((sum, entry) => sum + entry.durationMs, 0)),
      };
      tests += suite.tests;
      failures += suite.failures;
      errors += suite.errors;
      skipped += suite.skipped;
      time += cases.reduce((sum, entry) => sum + entry.durationMs, 0);
      suites.push(
        [
          `  <testsuite${attributes(suite)}>`,
          ...cases.map((entry) => testcase(report.product, entry)),
          '  </testsuite>',
        ].join('\n'),
      );
    }
    if (report.untestedProtocols.length > 0) {
      tests += report.untestedProtocols.length;
      skipped += report.untestedProtocols.length;
      suites.push(
        [
          `  <testsuite${attributes({ name: `${report.product}/untested protocols`, tests: report.untestedProtocols.length, failures: 0, errors: 0, skipped: report.untestedProtocols.length, time: '0.000' })}>`,
          ...report.untestedProtocols.map(
            (protocol) =>
              `    <testcase${attributes({ classname: `${report.product}.protocols`, name: protocol, time: '0.000' })}>\n      <skipped${attributes({ message: `no test runs protocol ${protocol}` })}/>\n    </testcase>`,
          ),
          '  </testsuite>',
        ].join('\n'),
      );
    }
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'plexus test', tests, failures, errors, skipped, time: seconds(time) })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
