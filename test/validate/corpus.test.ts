import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BuildFailedError, buildSnapshot } from '@plexus/engine';
import { validateProduct } from '@plexus/runtime';
import { problemCodes } from '@plexus/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseNames,
  corpusRoot,
  expectedOrUpdate,
  formatCorpusLine,
  readExpected,
  splitLines,
} from './corpusFiles.ts';
import { runCli } from './runCli.ts';

/**
 * Every folder under test/corpus/{validate,build} is a small product with one deliberate defect and an
 * expected.txt holding the exact lines the CLI must print for it (see test/corpus/README.md). The
 * corpus is checked in-process through the public APIs; a few cases also go through the real CLI.
 */

const validateCases = await caseNames('validate');
const buildCases = await caseNames('build');

/** `file:line:col  code  message`; `-` stands for "no location". */
const PROBLEM_LINE = /^(-|[^\s:]+(:\d+(:\d+)?)?) {2}([a-z]+(-[a-z]+)*) {2}\S.*$/;
/** A V8 stack frame, which must never reach a user. */
const STACK_FRAME = /^\s+at .+(\(.*:\d+:\d+\)|:\d+:\d+)$/m;

let snapshotRoots: string;

beforeAll(async () => {
  // Builds write their snapshots here, never into the corpus folders.
  snapshotRoots = await mkdtemp(join(tmpdir(), 'plexus-corpus-'));
});

afterAll(async () => {
  await rm(snapshotRoots, { recursive: true, force: true });
});

async function validationLines(caseDir: string): Promise<string[]> {
  return (await validateProduct(caseDir)).map(formatCorpusLine);
}

/** Hand-written expectations must still be well-formed lines with a code from the catalogue. */
function expectWellFormed(lines: readonly string[]): void {
  for (const line of lines) {
    expect(line).toMatch(PROBLEM_LINE);
    expect(Object.keys(problemCodes)).toContain(PROBLEM_LINE.exec(line)?.[4]);
  }
}

describe('validation corpus (test/corpus/validate)', () => {
  it('has the cases the corpus promises', () => {
    expect(validateCases).toEqual(
      expect.arrayContaining([
        'valid',
        'yaml-syntax',
        'unknown-key',
        'wrong-type',
        'unknown-source-column',
        'column-missing-in-file',
        'duplicate-attribute-id',
        'bad-expression-statement',
        'bad-expression-unknown-column',
        'bad-expression-aggregate',
        'protocol-missing-attribute',
        'protocol-missing-plugin-export',
        'protocol-missing-plugin-module',
        'unknown-source',
        'bad-value-map',
        'product-bad-version',
        'several-defects',
      ]),
    );
  });

  // Cases listed under "Known bugs" in test/corpus/README.md hold the correct output and fail until
  // the product code is fixed; their expected.txt was written by hand, so never regenerate it blindly.
  it.each(validateCases)('%s', async (name) => {
    const caseDir = join(corpusRoot, 'validate', name);
    const actual = await validationLines(caseDir);
    const expected = await expectedOrUpdate(caseDir, actual);
    expectWellFormed(expected);
    expect(actual).toEqual(expected);
    // A case with one defect must fail validation; only `valid` may pass.
    expect(actual.length === 0).toBe(name === 'valid');
  });

  it('builds the valid case into a temporary snapshot root, leaving the corpus untouched', async () => {
    const caseDir = join(corpusRoot, 'validate', 'valid');
    const outcome = await buildSnapshot(caseDir, { snapshotRoot: join(snapshotRoots, 'valid'), threads: 1 });
    expect(outcome.problems).toEqual([]);
    expect(outcome.snapshot.manifest.model.entityCount).toBe(8);
    expect(outcome.snapshot.manifest.tests.every((test) => test.passed)).toBe(true);
    expect(existsSync(join(caseDir, '.plexus'))).toBe(false);
  });
});

describe('build corpus (test/corpus/build)', () => {
  it('has the cases the corpus promises', () => {
    expect(buildCases).toEqual(
      expect.arrayContaining([
        'type-mismatch',
        'data-test-failed',
        'unmapped-code',
        'duplicate-entity-id',
        'join-fanout',
        'bad-event-code',
      ]),
    );
  });

  it.each(buildCases)('%s', async (name) => {
    const caseDir = join(corpusRoot, 'build', name);
    // The defect is in the data only: the product itself must validate.
    expect(await validationLines(caseDir)).toEqual([]);
    let actual: string[];
    try {
      const outcome = await buildSnapshot(caseDir, { snapshotRoot: join(snapshotRoots, name), threads: 1 });
      // A build that succeeds has no error lines; the comparison below then shows what was missed.
      actual = outcome.problems.map(formatCorpusLine);
    } catch (error) {
      if (!(error instanceof BuildFailedError)) throw error;
      actual = error.problems.map(formatCorpusLine);
    }
    const expected = await expectedOrUpdate(caseDir, actual);
    expectWellFormed(expected);
    expect(actual).toEqual(expected);
    expect(actual.length).toBeGreaterThan(0);
    expect(existsSync(join(caseDir, '.plexus'))).toBe(false);
  });
});

describe('the plexus CLI on the corpus', () => {
  it('validate exits 0 and prints nothing on stdout for a valid product', async () => {
    const result = await runCli(['validate', '.'], join(corpusRoot, 'validate', 'valid'));
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.code).toBe(0);
  });

  it('validate exits 1 and prints every problem as file:line:col  code  message', async () => {
    const caseDir = join(corpusRoot, 'validate', 'several-defects');
    const result = await runCli(['validate', '.'], caseDir);
    const lines = splitLines(result.stdout);
    expect(lines).toEqual(await readExpected(caseDir));
    expectWellFormed(lines);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    // The summary on stderr counts what stdout listed.
    expect(result.stderr).toContain(`${lines.length} errors`);
    expect(result.code).toBe(1);
  });

  it('build exits 1 and prints the data problems as file:line:col  code  message', async () => {
    const caseDir = join(corpusRoot, 'build', 'type-mismatch');
    const result = await runCli(
      ['build', '--snapshot-root', join(snapshotRoots, 'cli-type-mismatch'), '.'],
      caseDir,
    );
    const lines = splitLines(result.stdout);
    expect(lines).toEqual(await readExpected(caseDir));
    expectWellFormed(lines);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.code).toBe(1);
    expect(existsSync(join(caseDir, '.plexus'))).toBe(false);
  });

  it('validate explains how to make a product outside the Plexus repository load its TypeScript plugins', async () => {
    // DESIGN.md: a product is, in real life, its own repository. Without "type": "module" in a
    // package.json above it, tsx compiles a .ts plugin as CommonJS, so the product must say it is ESM.
    const outside = await copyValidCase();
    try {
      const without = await runCli(['validate', '.'], outside);
      expect(splitLines(without.stdout)).toEqual([
        expect.stringMatching(
          /^protocols\/group-count\.yaml:19:11 {2}plugin-missing {2}.*add a package\.json with "type": "module" to the product folder$/,
        ),
      ]);
      expect(without.stderr).not.toMatch(STACK_FRAME);
      expect(without.code).toBe(1);

      await writeFile(join(outside, 'package.json'), '{ "type": "module" }\n');
      const withPackage = await runCli(['validate', '.'], outside);
      expect(withPackage.stdout).toBe('');
      expect(withPackage.code).toBe(0);
    } finally {
      await rm(dirname(outside), { recursive: true, force: true });
    }
  });

  // Known bug (test/corpus/README.md): checkPlugin keeps only the first line of the loader's error,
  // which for a syntax error is "Transform failed with 1 error:"; the file:line:col and the reason
  // are on the next line and are lost. Written here, not in the corpus, because `tsc -p` checks every
  // .ts file under test/ and a deliberately broken plugin would fail the type check.
  it('validate says where a plugin that does not compile is broken', async () => {
    const outside = await copyValidCase();
    try {
      await writeFile(join(outside, 'package.json'), '{ "type": "module" }\n');
      await writeFile(
        join(outside, 'plugins', 'groupCount.ts'),
        'export function groupCount( {\n  return 1;\n}\n',
      );
      const result = await runCli(['validate', '.'], outside);
      const lines = splitLines(result.stdout);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^protocols\/group-count\.yaml:19:11 {2}plugin-missing {2}plugin module plugins\/groupCount\.ts does not load: /,
      );
      // The syntax error is on line 2, column 9 of the plugin: the message must say so.
      expect(lines[0]).toContain('plugins/groupCount.ts:2:9');
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(result.code).toBe(1);
    } finally {
      await rm(dirname(outside), { recursive: true, force: true });
    }
  });
});

/** A copy of the valid case in a fresh temporary folder (outside the Plexus repository); remove its parent. */
async function copyValidCase(): Promise<string> {
  const outside = join(await mkdtemp(join(tmpdir(), 'plexus-outside-')), 'valid');
  await cp(join(corpusRoot, 'validate', 'valid'), outside, {
    recursive: true,
    filter: (source) => !source.endsWith('expected.txt'),
  });
  return outside;
}
