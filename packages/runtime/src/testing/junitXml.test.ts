import { describe, expect, it } from 'vitest';
import { escapeXml, junitXml } from './junitXml.ts';
import type { ProductTestReport } from './ProductTestCase.ts';

/** A small well-formedness check: one root, balanced tags, quoted attributes, no stray & or <. */
function expectWellFormed(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const body = xml.slice(xml.indexOf('?>') + 2);
  const stack: string[] = [];
  let roots = 0;
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let consumed = 0;
  for (const match of body.matchAll(token)) {
    consumed += match[0].length;
    const [, closing, name, , selfClosing, text, stray] = match;
    if (stray) throw new Error(`stray < at ${match.index}`);
    if (text !== undefined) {
      if (stack.length === 0) expect(text.trim()).toBe('');
      expect(text.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toMatch(/[&<>]/);
      continue;
    }
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name ?? '');
    } else if (stack.length === 0) roots++;
  }
  expect(consumed).toBe(body.length);
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

const report: ProductTestReport = {
  product: 'va-lung-trial',
  cases: [
    {
      file: 'tests/survival.yaml',
      line: 4,
      name: 'KM <by> "arm" & more',
      protocol: 'kaplan-meier',
      status: 'passed',
      durationMs: 1234,
      checks: 3,
      failures: [],
    },
    {
      file: 'tests/survival.yaml',
      line: 20,
      name: 'wrong',
      protocol: 'kaplan-meier',
      status: 'failed',
      durationMs: 10,
      checks: 2,
      failures: [
        { line: 22, message: "block log-rank: p 0.927 is not below 0.05 & 'x' <y>" },
        { line: 23, message: 'control \u0001 char' },
      ],
    },
    {
      file: 'tests/other.yaml',
      name: 'unknown',
      protocol: 'kaplan-meir',
      status: 'error',
      durationMs: 0,
      checks: 0,
      failures: [{ message: "product va-lung-trial has no protocol 'kaplan-meir'" }],
    },
  ],
  untestedProtocols: ['cox-regression'],
  totals: { cases: 3, passed: 1, failed: 1, errors: 1, skipped: 0, durationMs: 1244 },
};

describe('junitXml', () => {
  it('escapes the five XML characters and drops forbidden control characters', () => {
    expect(escapeXml(`a & b < c > d " e ' f \u0000\u0007g\tok\n`)).toBe(
      'a &amp; b &lt; c &gt; d &quot; e &apos; f g\tok\n',
    );
  });

  it('writes a well-formed document: a testsuite per product and file, failures and errors with every message', () => {
    const xml = junitXml(report);
    expectWellFormed(xml);
    expect(xml).toContain(
      '<testsuites name="plexus test" tests="4" failures="1" errors="1" skipped="1" time="1.244">',
    );
    expect(xml).toContain(
      '<testsuite name="va-lung-trial/tests/survival.yaml" tests="2" failures="1" errors="0" skipped="0" time="1.244">',
    );
    expect(xml).toContain(
      '<testcase classname="va-lung-trial.tests.survival" name="KM &lt;by&gt; &quot;arm&quot; &amp; more" time="1.234"/>',
    );
    expect(xml).toContain(
      '<failure message="block log-rank: p 0.927 is not below 0.05 &amp; &apos;x&apos; &lt;y&gt;" type="assertion">tests/survival.yaml:22: block log-rank',
    );
    expect(xml).toContain('tests/survival.yaml:23: control  char</failure>');
    expect(xml).toContain(
      '<error message="product va-lung-trial has no protocol &apos;kaplan-meir&apos;" type="error">',
    );
    expect(xml).toContain('<skipped message="no test runs protocol cox-regression"/>');
  });

  it('writes one document for many products, and an empty one for none', () => {
    expectWellFormed(junitXml([report, { ...report, product: 'pbc-trial' }]));
    const empty = junitXml([]);
    expectWellFormed(empty);
    expect(empty).toContain('tests="0"');
  });
});
