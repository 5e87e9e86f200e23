import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseYamlText } from '@plexus/engine';
import { formatProblem } from '@plexus/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProductTests, productTestsFromYaml } from './loadProductTests.ts';

const HEADER = 'apiVersion: plexus.dev/v1\nkind: ProductTest\ncases:\n';

function problemsOf(cases: string): string[] {
  return productTestsFromYaml(parseYamlText(`${HEADER}${cases}`, 'tests/t.yaml')).problems.map(formatProblem);
}

describe('productTestsFromYaml', () => {
  it('reads cases with defaults and the line of each case and expectation', () => {
    const loaded = productTestsFromYaml(
      parseYamlText(
        `${HEADER}  - name: km\n    protocol: kaplan-meier\n    expect:\n      - { block: log-rank, p: { below: 0.05 } }\n  - name: refused\n    protocol: kaplan-meier\n    params: { reference: x }\n    status: failed\n    error: did you mean\n`,
        'tests/t.yaml',
      ),
    );
    expect(loaded.problems).toEqual([]);
    expect(loaded.cases).toEqual([
      {
        file: 'tests/t.yaml',
        line: 4,
        name: 'km',
        protocol: 'kaplan-meier',
        params: {},
        status: 'succeeded',
        expect: [{ check: { block: 'log-rank', p: { below: 0.05 } }, line: 7 }],
      },
      {
        file: 'tests/t.yaml',
        line: 8,
        name: 'refused',
        protocol: 'kaplan-meier',
        params: { reference: 'x' },
        status: 'failed',
        error: 'did you mean',
        expect: [],
      },
    ]);
  });

  it('reports schema violations with file, line, path and what was found', () => {
    const problems = problemsOf(
      '  - name: km\n    protocol: kaplan-meier\n    expect:\n      - block: log-rank\n        p: { bellow: 0.05 }\n      - { block: medians, rows: two }\n',
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^tests\/t\.yaml:8:14 {2}unknown-key {2}cases\[0\]\.expect\[0\]\.p: unknown key 'bellow'/,
    );
    expect(problems[1]).toMatch(/^tests\/t\.yaml:9:\d+ {2}wrong-type {2}cases\[0\]\.expect\[1\]\.rows: /);
    expect(problems[1]).toContain("'two'");
  });

  it('reports a wrong kind and a missing protocol', () => {
    const loaded = productTestsFromYaml(
      parseYamlText('apiVersion: plexus.dev/v1\nkind: Protocol\ncases:\n  - name: x\n', 'tests/t.yaml'),
    );
    const text = loaded.problems.map(formatProblem).join('\n');
    expect(text).toContain('tests/t.yaml:2:7');
    expect(text).toContain('ProductTest');
    expect(text).toMatch(/cases\[0\].*protocol/);
  });

  it.each([
    ['nothing to check', '{ block: x }', 'says nothing to check of block x'],
    [
      'two checks',
      '{ block: x, rows: 1, present: true }',
      'checks one thing of a block, found present, rows',
    ],
    ['where without column', '{ block: x, where: { a: 1 }, value: 1 }', 'column is missing'],
    ['column without where', '{ block: x, column: a, value: 1 }', 'where is missing'],
    ['cell without a matcher', '{ block: x, where: { a: 1 }, column: b }', 'say what the cell holds'],
    ['cell with two matchers', "{ block: x, where: { a: 1 }, column: b, equals: 'y', value: 1 }", 'not both'],
    ['equals on its own', "{ block: x, equals: 'y' }", 'equals checks a table cell'],
    ['empty matcher', '{ block: x, value: {} }', 'give equals'],
    ['two matchers', '{ block: x, value: { equals: 1, below: 2 } }', 'found equals and below/above'],
    ['tolerance alone', '{ block: x, p: { below: 1, tolerance: 0.1 } }', 'go with equals'],
    [
      'between reversed',
      '{ block: x, value: { between: [2, 1] } }',
      'lower end 2 is greater than the upper end 1',
    ],
    ['empty interval', '{ block: x, p: { below: 0.1, above: 0.5 } }', 'no number is above 0.5 and below 0.1'],
    ['empty ci', '{ block: x, ci: {} }', 'lower, upper or level'],
    ['rows min above max', '{ block: x, rows: { min: 5, max: 1 } }', 'min 5 is greater than max 1'],
    ['rows without bounds', '{ block: x, dataRows: {} }', 'give min, max or both'],
  ])('reports %s at the expectation', (_name, expectation, message) => {
    const problems = problemsOf(`  - name: c\n    protocol: p\n    expect:\n      - ${expectation}\n`);
    expect(problems.join('\n')).toContain(message);
    expect(problems[0]).toMatch(/^tests\/t\.yaml:7:\d+ {2}\S+ {2}cases\[0\]\.expect\[0\]/);
  });

  it('reports duplicate names, error without failure and expectations of a failing run', () => {
    const problems = problemsOf(
      "  - { name: a, protocol: p, error: 'x' }\n  - { name: a, protocol: p, status: failed, expect: [{ block: x, present: true }] }\n",
    );
    expect(problems).toEqual([
      'tests/t.yaml:4:36  invalid-value  cases[0].error: checks the message of a failed run; add status: failed',
      "tests/t.yaml:5:13  duplicate-id  cases[1].name: 'a' is already the name of cases[0]; names must be unique in a file",
      'tests/t.yaml:5:53  invalid-value  cases[1].expect: a failed run has no result to check; use error: <text> to check its message',
    ]);
  });
});

describe('loadProductTests', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plexus-tests-'));
    await mkdir(join(dir, 'tests'));
    await writeFile(
      join(dir, 'tests', 'a.yaml'),
      `${HEADER}  - { name: one, protocol: cohort-summary, expect: [{ block: count, value: 3 }] }\n`,
    );
    await writeFile(join(dir, 'tests', 'b.yml'), `${HEADER}  - { name: two, protocol: [x] }\n`);
    await writeFile(join(dir, 'tests', 'c.yaml'), 'cases: [\n');
    await writeFile(join(dir, 'tests', 'notes.txt'), 'not a test');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads every YAML file in tests/, keeping the good ones and reporting the others', async () => {
    const loaded = await loadProductTests(dir);
    expect(loaded.files).toEqual(['tests/a.yaml', 'tests/b.yml', 'tests/c.yaml']);
    expect(loaded.cases.map((entry) => entry.name)).toEqual(['one']);
    const problems = loaded.problems.map(formatProblem);
    expect(problems[0]).toMatch(/^tests\/b\.yml:4:\d+ {2}wrong-type {2}cases\[0\]\.protocol: /);
    expect(problems[1]).toMatch(/^tests\/c\.yaml:1:8 {2}yaml-syntax/);
  });

  it('finds nothing, and no problem, in a product without tests/', async () => {
    expect(await loadProductTests(join(dir, 'tests'))).toEqual({ cases: [], problems: [], files: [] });
  });
});
