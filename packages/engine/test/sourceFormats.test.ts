import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildFailedError, buildSnapshot, type Frame, SnapshotReader } from '../src/index.ts';

let dir: string;

const MAPPING = `apiVersion: plexus.dev/v1
kind: Mapping
sources:
  people:
    path: data/people.csv.gz
    nullValues: ['', '.']
    columns:
      pid: { type: text }
      sex: { type: category, values: { M: male, F: female } }
      smoker: { type: boolean, trueValues: [Y], falseValues: [N] }
      birth: { type: date, format: '%d/%m/%Y' }
      site: { type: text }
      followup: { type: number, name: follow.up }
      died: { type: boolean }
  labs:
    path: data/labs.tsv
    columns:
      patient: { type: text }
      bili: { type: number }
  sites:
    path: data/sites.parquet
    columns:
      site_id: { type: text }
entity:
  source: people
  id: { column: pid }
joins:
  - source: labs
    on: { left: pid, right: patient }
attributes:
  - { id: sex, label: Sex, column: sex }
  - { id: smoker, label: Smoker, column: smoker }
  - { id: birth, label: Date of birth, column: birth }
  - id: site
    label: Site
    column: site
    tests: [{ relationships: { source: sites, column: site_id } }]
  - { id: bilirubin, label: Bilirubin, unit: mg/dL, column: labs.bili }
  - id: high_bilirubin
    label: Bilirubin above 1
    type: boolean
    expression: bili > 1
endpoints:
  - id: os
    label: Overall survival
    time: { column: followup, unit: years }
    event: { column: died, eventValues: [true], censoredValues: [false] }
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plexus-formats-'));
  await mkdir(join(dir, 'data'));
  await writeFile(
    join(dir, 'product.yaml'),
    'apiVersion: plexus.dev/v1\nkind: DataProduct\nid: formats\ntitle: Formats\nversion: 1.0.0\ndescription: Every source format.\ndomain: testing\nowners: [{ name: Tests }]\nentity: { singular: person, plural: people }\n',
  );
  await writeFile(join(dir, 'mapping.yaml'), MAPPING);
  const people =
    'pid,sex,smoker,birth,site,follow.up,died\nP3,F,N,01/02/1950,S1,2.5,true\nP1,M,Y,31/12/1960,S2,.,false\nP2,F,,15/06/1970,S1,1.25,false\n';
  await writeFile(join(dir, 'data/people.csv.gz'), gzipSync(people));
  await writeFile(join(dir, 'data/labs.tsv'), 'patient\tbili\nP1\t0.7\nP3\t1.9\n');
  const duckdb = await DuckDBInstance.create(':memory:');
  const connection = await duckdb.connect();
  await connection.run(
    `COPY (SELECT * FROM (VALUES ('S1'), ('S2')) AS t(site_id)) TO '${join(dir, 'data/sites.parquet')}' (FORMAT parquet)`,
  );
  connection.closeSync();
  duckdb.closeSync();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sources in several formats', () => {
  let frame: Frame;
  beforeAll(async () => {
    const reader = await SnapshotReader.open((await buildSnapshot(dir)).snapshot);
    frame = await reader.frame({
      columns: ['sex', 'smoker', 'birth', 'site', 'bilirubin', 'high_bilirubin', 'endpoint:os'],
    });
    reader.close();
  });

  it('reads gzip CSV, TSV and Parquet, joins them, and applies value maps and null tokens', () => {
    expect(frame.ids).toEqual(['P1', 'P2', 'P3']);
    expect(frame.columns.sex).toEqual({
      type: 'category',
      codes: Int32Array.from([0, 1, 1]),
      levels: ['male', 'female'],
    });
    expect(frame.columns.smoker).toEqual({ type: 'boolean', values: Int8Array.from([1, -1, 0]) });
    expect(frame.columns.site).toEqual({ type: 'text', values: ['S2', 'S1', 'S1'] });
    const bilirubin = frame.columns.bilirubin;
    expect(bilirubin?.type === 'number' && Array.from(bilirubin.values)).toEqual([0.7, Number.NaN, 1.9]);
    expect(frame.columns.high_bilirubin).toEqual({ type: 'boolean', values: Int8Array.from([0, -1, 1]) });
  });

  it('summarises categories and booleans with their missing values', async () => {
    const { manifest } = (await buildSnapshot(dir)).snapshot;
    const summary = (id: string) =>
      manifest.model.attributes.find((attribute) => attribute.id === id)?.summary;
    expect(summary('smoker')).toEqual({
      count: 2,
      missing: 1,
      levels: [
        { value: 'true', count: 1 },
        { value: 'false', count: 1 },
      ],
    });
    expect(summary('sex')).toEqual({
      count: 3,
      missing: 0,
      levels: [
        { value: 'male', count: 1 },
        { value: 'female', count: 2 },
      ],
    });
    expect(summary('bilirubin')).toMatchObject({ count: 2, missing: 1, min: 0.7, max: 1.9 });
    // R: quantile(c(0.7, 1.9)) prints 1.0 1.3 1.6; in doubles (1 - h) x[lo] + h x[hi] is 0.9999999999999999 ….
    const quartiles = summary('bilirubin')?.quartiles ?? [];
    for (const [index, expected] of [1, 1.3, 1.6].entries())
      expect(quartiles[index]).toBeCloseTo(expected, 14);
  });

  it('parses dates in the declared format, as days since 1970-01-01', () => {
    const birth = frame.columns.birth;
    const days = (iso: string) => Date.parse(iso) / 86_400_000;
    expect(birth?.type === 'date' && Array.from(birth.values)).toEqual([
      days('1960-12-31'),
      days('1970-06-15'),
      days('1950-02-01'),
    ]);
  });

  it('codes endpoints from boolean event columns and keeps missing times missing', () => {
    const os = frame.columns['endpoint:os'];
    expect(os?.type === 'endpoint' && Array.from(os.time)).toEqual([Number.NaN, 1.25, 2.5]);
    expect(os?.type === 'endpoint' && Array.from(os.event)).toEqual([0, 0, 1]);
  });

  it('fails a relationships test with the offending ids', async () => {
    const people = 'pid,sex,smoker,birth,site,follow.up,died\nP1,M,Y,31/12/1960,S9,1,false\n';
    await writeFile(join(dir, 'data/people.csv.gz'), gzipSync(people));
    const error = (await buildSnapshot(dir).catch((caught: unknown) => caught)) as BuildFailedError;
    expect(error).toBeInstanceOf(BuildFailedError);
    expect(error.problems.map((problem) => problem.message)).toEqual([
      "data test relationships sites.site_id on attribute 'site' failed: 1 offending row, e.g. P1 = S9",
    ]);
  });
});
