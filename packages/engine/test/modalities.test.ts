import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildFailedError, buildSnapshot, type ManifestModality, SnapshotReader } from '../src/index.ts';

/**
 * A product with every kind of modality in every input form: events timed by offset and by date,
 * matrices from a gzipped probe × sample TSV, a GCT file and a long table, variants from a VCF and
 * from a table.
 */
const FILES: Record<string, string> = {
  'product.yaml': `apiVersion: plexus.dev/v1
kind: DataProduct
id: multimodal
version: 1.0.0
title: Multimodal
description: Every kind of modality.
domain: test
owners: [{ name: Test, email: test@example.org }]
entity: { singular: patient, plural: patients }
`,
  'data/patients.csv': 'pid,age,start\nP1,50,2020-01-01\nP2,61,2020-02-01\nP3,72,2020-03-01\nP4,45,\n',
  'data/labs.csv':
    'pid,day,test,value,unit\nP1,0,ALT,30,U/L\nP1,14,ALT,90,U/L\nP2,7,ALT,25,U/L\nP3,2,BILI,1.5,mg/dL\nP3,,ALT,40,U/L\n',
  'data/visits.csv': 'pid,date,kind\nP1,2020-01-10,clinic\nP2,2020-03-15,ward\nP4,2021-01-01,clinic\n',
  'data/proteins.gct':
    '#1.2\n2\t3\nName\tDescription\tP1\tP2\tP3\nPR1\tALB\t1.5\t2.5\t\nPR2\tCRP\t10\t20\t30\n',
  'data/long.csv': 'pid,gene,tpm\nP1,EGFR,5\nP2,EGFR,7\nP3,KRAS,1\n',
  'data/variants.csv':
    'pid,chrom,pos,ref,alt,gene,gt\nP1,7,100,A,G,EGFR,0/1\nP2,12,200,C,T,KRAS,1/1\nP3,12,200,C,T,KRAS,0/0\nP4,12,200,C,T,KRAS,hom_ref\nP4,7,100,A,G,EGFR,./.\nP3,7,100,A,G,EGFR,het\n',
  'mapping.yaml': `apiVersion: plexus.dev/v1
kind: Mapping
sources:
  patients: { path: data/patients.csv, columns: { pid: { type: text }, age: { type: integer }, start: { type: date } } }
  labs: { path: data/labs.csv, columns: { pid: { type: text }, day: { type: integer }, test: { type: text }, value: { type: number }, unit: { type: text } } }
  visits: { path: data/visits.csv, columns: { pid: { type: text }, date: { type: date }, kind: { type: text } } }
  long: { path: data/long.csv, columns: { pid: { type: text }, gene: { type: text }, tpm: { type: number } } }
  variants: { path: data/variants.csv, columns: { pid: { type: text }, chrom: { type: text }, pos: { type: integer }, ref: { type: text }, alt: { type: text }, gene: { type: text }, gt: { type: text } } }
entity: { source: patients, id: { column: pid } }
attributes:
  - { id: age, label: Age, column: age }
  - { id: start, label: Start, column: start }
modalities:
  - { id: labs, kind: events, label: Labs, source: labs, entity: pid, time: { value: day }, name: test, value: value, unit: unit }
  - { id: visits, kind: events, label: Visits, source: visits, entity: pid, time: { value: date }, name: kind }
  - { id: expression, kind: matrix, label: Expression, wide: { path: data/expression.tsv.gz, orientation: features-by-entities } }
  - { id: proteins, kind: matrix, label: Proteins, wide: { path: data/proteins.gct, orientation: features-by-entities } }
  - { id: rna, kind: matrix, label: RNA, long: { source: long, entity: pid, feature: gene, value: tpm } }
  - { id: germline, kind: variants, label: Germline, vcf: { path: data/cohort.vcf } }
  - { id: somatic, kind: variants, label: Somatic, table: { source: variants, entity: pid, chrom: chrom, pos: pos, ref: ref, alt: alt, gene: gene, genotype: gt } }
`,
  'data/cohort.vcf': `##fileformat=VCFv4.3
##INFO=<ID=GENE,Number=1,Type=String,Description="Gene">
##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tP1\tP2\tP3
1\t1000\t.\tA\tG\t.\tPASS\tGENE=LRRK2\tGT\t0/1\t1/1\t./.
1\t2000\t.\tC\tT,G\t.\tPASS\tGENE=GBA\tGT\t0/0\t0/2\t1|1
`,
};

let root: string;
let reader: SnapshotReader;

async function writeProduct(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  await writeFile(
    join(dir, 'data/expression.tsv.gz'),
    gzipSync('probe_id\tP1\tP2\tP3\tP4\n1000_at\t1\t2\t3\t4\n999_at\t5\tNA\t7\t8\n99_at\t1\t2\t3\tNaN\n'),
  );
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plexus-modalities-'));
  await writeProduct(join(root, 'product'), FILES);
  reader = await SnapshotReader.open((await buildSnapshot(join(root, 'product'))).snapshot);
});

afterAll(async () => {
  reader.close();
  await rm(root, { recursive: true, force: true });
});

const modality = (id: string): ManifestModality | undefined =>
  reader.manifest.model.modalities.find((candidate) => candidate.id === id);

describe('modalities in the snapshot', () => {
  it('describes each modality with its size in the manifest', () => {
    expect(modality('labs')).toMatchObject({
      kind: 'events',
      rows: 5,
      entities: 3,
      timeKind: 'offset',
      names: 2,
    });
    expect(modality('labs')).toMatchObject({ fields: ['value', 'unit'] });
    expect(modality('visits')).toMatchObject({ kind: 'events', timeKind: 'date', rows: 3 });
    expect(modality('expression')).toMatchObject({
      kind: 'matrix',
      features: 3,
      entities: 4,
      hasNames: false,
    });
    expect(modality('expression')).toMatchObject({ summary: { min: 1, max: 8, missing: 2 } });
    expect(modality('proteins')).toMatchObject({ kind: 'matrix', features: 2, entities: 3, hasNames: true });
    expect(modality('rna')).toMatchObject({ kind: 'matrix', features: 2, entities: 3 });
    expect(modality('germline')).toMatchObject({
      kind: 'variants',
      rows: 4,
      entities: 3,
      genes: 2,
      profiled: 3,
    });
    // 0/0, hom_ref and ./. are calls without the variant: only carried variants are stored.
    expect(modality('somatic')).toMatchObject({
      kind: 'variants',
      rows: 3,
      genes: 2,
      fields: ['gene', 'zygosity'],
    });
  });

  it('stores event times in days: offsets as given, dates since 1970-01-01', async () => {
    const labs = await reader.events({ modality: 'labs' });
    expect(labs.ids).toEqual(['P1', 'P1', 'P2', 'P3', 'P3']);
    expect(Array.from(labs.time)).toEqual([0, 14, 7, 2, Number.NaN]);
    expect(labs.unit[0]).toBe('U/L');
    const visits = await reader.events({ modality: 'visits', names: ['clinic'] });
    expect(visits.ids).toEqual(['P1', 'P4']);
    expect(visits.time[0]).toBe(Date.UTC(2020, 0, 10) / 86_400_000);
  });

  it('reads matrices from TSV.gz, GCT and long tables into features × entities', async () => {
    const expression = await reader.matrix({ modality: 'expression' });
    expect(expression.features).toEqual(['1000_at', '999_at', '99_at']);
    expect(expression.ids).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(Array.from(expression.values)).toEqual([1, 2, 3, 4, 5, Number.NaN, 7, 8, 1, 2, 3, Number.NaN]);
    const proteins = await reader.matrix({
      modality: 'proteins',
      features: ['CRP'],
      cohort: { attribute: 'age', op: 'gte', value: 60 },
    });
    expect(proteins).toMatchObject({ features: ['PR2'], names: ['CRP'], ids: ['P2', 'P3'] });
    expect(Array.from(proteins.values)).toEqual([20, 30]);
    const rna = await reader.matrix({ modality: 'rna' });
    expect(Array.from(rna.values)).toEqual([5, 7, Number.NaN, Number.NaN, Number.NaN, 1]);
  });

  it('serves matrices, frames and counts asked for at the same time, as concurrent runs do', async () => {
    const expected = Array.from((await reader.matrix({ modality: 'expression' })).values);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        index % 3 === 0
          ? reader.matrix({ modality: 'expression' }).then((slice) => Array.from(slice.values))
          : index % 3 === 1
            ? reader.frame({ columns: ['expression:999_at'] }).then((frame) => frame.ids)
            : reader.count({ attribute: 'age', op: 'gte', value: 60 }),
      ),
    );
    for (let index = 0; index < answers.length; index += 3) expect(answers[index]).toEqual(expected);
    for (let index = 1; index < answers.length; index += 3)
      expect(answers[index]).toEqual(['P1', 'P2', 'P3', 'P4']);
    for (let index = 2; index < answers.length; index += 3) expect(answers[index]).toBe(2);
  });

  it('gives frame columns for features, genes and event counts', async () => {
    const frame = await reader.frame({
      columns: ['expression:999_at', 'germline:GBA', 'labs:ALT', 'proteins:ALB'],
    });
    expect(frame.ids).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(Array.from((frame.columns['expression:999_at'] as { values: Float64Array }).values)).toEqual([
      5,
      Number.NaN,
      7,
      8,
    ]);
    expect(Array.from((frame.columns['germline:GBA'] as { values: Int8Array }).values)).toEqual([
      0, 1, 1, -1,
    ]);
    expect(Array.from((frame.columns['labs:ALT'] as { values: Float64Array }).values)).toEqual([2, 1, 1, 0]);
    expect(Array.from((frame.columns['proteins:ALB'] as { values: Float64Array }).values)).toEqual([
      1.5,
      2.5,
      Number.NaN,
      Number.NaN,
    ]);
    await expect(reader.frame({ columns: ['matrix:EGFR'] })).rejects.toThrow(
      /ambiguous \(the product has 3 matrix modalities/,
    );
    await expect(reader.frame({ columns: ['expresion:1000_at'] })).rejects.toThrow(
      /did you mean 'expression:'/,
    );
  });

  it('reads genotypes from VCF: carried alleles only, with zygosity', async () => {
    const rows = await reader.query('SELECT id, gene, alt, zygosity FROM variants_germline ORDER BY id, alt');
    expect(rows.rows).toEqual([
      ['P1', 'LRRK2', 'G', 'heterozygous'],
      ['P2', 'GBA', 'G', 'heterozygous'],
      ['P2', 'LRRK2', 'G', 'homozygous'],
      ['P3', 'GBA', 'T', 'homozygous'],
    ]);
  });
});

describe('cohorts across modalities', () => {
  const ids = (cohort: unknown) => reader.cohortIds(cohort);

  it('selects by events with values, counts and windows anchored on attributes or events', async () => {
    expect(await ids({ events: 'labs', name: ['ALT'], value: { op: 'gt', value: 35 } })).toEqual([
      'P1',
      'P3',
    ]);
    expect(await ids({ events: 'labs', name: ['ALT'], count: { atLeast: 2 } })).toEqual(['P1']);
    expect(await ids({ events: 'labs', window: { from: 5, to: 10 } })).toEqual(['P2']);
    expect(
      await ids({ events: 'visits', window: { anchor: { attribute: 'start' }, from: 0, to: 30 } }),
    ).toEqual(['P1']);
    expect(
      await ids({
        events: 'labs',
        name: ['ALT'],
        window: { anchor: { events: 'labs', name: ['ALT'] }, from: 1, to: 30 },
      }),
    ).toEqual(['P1']);
  });

  it('selects by matrix values and within-product percentiles', async () => {
    expect(await ids({ matrix: 'expression', feature: '999_at', op: 'gte', value: 7 })).toEqual(['P3', 'P4']);
    // 999_at over P1, P3, P4 = 5, 7, 8: the 75th percentile (type 7) is 7.5.
    expect(await ids({ matrix: 'expression', feature: '999_at', percentile: { above: 75 } })).toEqual(['P4']);
    expect(await ids({ matrix: 'proteins', feature: 'CRP', op: 'lt', value: 25 })).toEqual(['P1', 'P2']);
    expect(await ids({ not: { matrix: 'expression', feature: '999_at', op: 'gte', value: 0 } })).toEqual([
      'P2',
    ]);
  });

  it('selects by variants: gene, position, zygosity', async () => {
    expect(await ids({ variants: 'germline', gene: ['LRRK2'], zygosity: ['homozygous'] })).toEqual(['P2']);
    expect(await ids({ variants: 'germline', chrom: '1', from: 1500, to: 2500 })).toEqual(['P2', 'P3']);
    expect(await ids({ variants: 'somatic', gene: ['KRAS'], zygosity: ['homozygous'] })).toEqual(['P2']);
    expect(await ids({ variants: 'somatic', gene: ['EGFR'] })).toEqual(['P1', 'P3']);
    await expect(ids({ variants: 'somatic', consequence: ['missense_variant'] })).rejects.toThrow(
      /variants of 'somatic' have no consequence; they have gene, zygosity/,
    );
  });

  it('combines criteria with all, any, not and atLeast, with an attrition table', async () => {
    const cohort = {
      all: [
        { attribute: 'age', op: 'lt', value: 70 },
        { any: [{ variants: 'germline', gene: ['LRRK2'] }, { events: 'visits' }] },
        {
          atLeast: 1,
          of: [
            { matrix: 'expression', feature: '1000_at', op: 'gte', value: 2 },
            { events: 'labs', name: ['BILI'] },
          ],
        },
      ],
    };
    expect(await ids(cohort)).toEqual(['P2', 'P4']);
    const attrition = await reader.attrition(cohort);
    expect(attrition.total).toBe(4);
    expect(attrition.steps.map((step) => step.count)).toEqual([3, 3, 2]);
    expect(attrition.steps[0]?.label).toBe('Age < 70');
  });

  it('names the path, the unknown name and what exists', async () => {
    await expect(
      ids({ all: [{ matrix: 'expression', feature: 'EGFR', op: 'gt', value: 1 }] }),
    ).rejects.toThrow(/cohort\.all\[0\]\.feature: unknown feature 'EGFR' in 'expression'/);
    await expect(ids({ events: 'lab' })).rejects.toThrow(
      /unknown events modality 'lab' — did you mean 'labs'\?/,
    );
    await expect(ids({ events: 'visits', window: { anchor: { attribute: 'age' }, to: 3 } })).rejects.toThrow(
      /timed by date, so the anchor must be a date attribute/,
    );
    await expect(ids({ events: 'labs', text: ['x'] })).rejects.toThrow(/events of 'labs' have no text/);
    await expect(ids({ attribute: 'start', op: 'eq', value: '2020-02-30' })).rejects.toThrow(
      /cohort\.value: expected a date as YYYY-MM-DD for attribute 'start', found '2020-02-30'/,
    );
    await expect(ids({ variants: 'germline', from: 3 })).rejects.toThrow(/a position range needs chrom/);
    await expect(ids({ any: [] })).rejects.toThrow(/cohort\.any: expected at least 1 criterion/);
    expect(await ids({ atLeast: 3, of: [{}] })).toEqual([]);
    await expect(ids({ alll: [] })).rejects.toThrow(/unknown key 'alll' — did you mean 'all'\?/);
  });

  it('finds features by id prefix, name and substring for pickers', async () => {
    expect((await reader.searchFeatures('proteins', 'cr')).map((hit) => hit.id)).toEqual(['PR2']);
    expect((await reader.searchFeatures('expression', '_at')).map((hit) => hit.id)).toEqual([
      '99_at',
      '999_at',
      '1000_at',
    ]);
    expect(await reader.searchFeatures('labs', 'al')).toEqual([{ id: 'ALT', name: null, entities: 3 }]);
    await expect(reader.searchFeatures('lab', 'x')).rejects.toThrow(/unknown modality 'lab'/);
  });
});

describe('modality build failures', () => {
  const build = async (changes: Record<string, string>) => {
    const dir = join(root, `broken-${Math.random().toString(36).slice(2)}`);
    await writeProduct(dir, { ...FILES, ...changes });
    return buildSnapshot(dir).catch((error: unknown) => error as BuildFailedError);
  };

  it('refuses rows of unknown entities unless told to drop them', async () => {
    const labs = `${FILES['data/labs.csv']}P9,1,ALT,3,U/L\n`;
    const failed = await build({ 'data/labs.csv': labs });
    expect(failed).toBeInstanceOf(BuildFailedError);
    expect((failed as BuildFailedError).problems[0]?.message).toMatch(
      /modality 'labs': 1 row of source 'labs' names no entity of the product \(e\.g\. 'P9'\); fix the ids, or set unmatched: drop/,
    );
    const mapping = FILES['mapping.yaml']?.replace('unit: unit }', 'unit: unit, unmatched: drop }') ?? '';
    const dropped = await build({ 'data/labs.csv': labs, 'mapping.yaml': mapping });
    expect(dropped).not.toBeInstanceOf(BuildFailedError);
    if (!(dropped instanceof BuildFailedError)) {
      expect(dropped.problems.map((problem) => problem.message)).toContain(
        "modality 'labs': left out 1 row naming no entity of the product",
      );
    }
  });

  it('reports a broken events source at the modality, without the folder it was built in', async () => {
    const failed = await build({ 'data/labs.csv': `${FILES['data/labs.csv']}P1,zero,ALT,3,U/L\n` });
    expect(failed).toBeInstanceOf(BuildFailedError);
    const message = (failed as BuildFailedError).problems[0]?.message ?? '';
    expect(message).toMatch(/data\/labs\.csv column 'day': 1 value not an integer \(line 7: 'zero'\)/);
    expect(message).not.toContain(root);
  });

  it('names the file and value of a matrix cell that is not a number', async () => {
    const failed = await build({
      'data/proteins.gct': FILES['data/proteins.gct']?.replace('20', 'high') ?? '',
    });
    expect((failed as BuildFailedError).problems[0]?.message).toMatch(
      /modality 'proteins': building the matrix failed: .*high/,
    );
  });

  it('names the VCF line that is broken', async () => {
    const failed = await build({
      'data/cohort.vcf': FILES['data/cohort.vcf']?.replace('1\t2000', '1\tx2000') ?? '',
    });
    expect((failed as BuildFailedError).problems[0]?.message).toMatch(
      /modality 'germline': data\/cohort\.vcf:6: .*POS/,
    );
  });
});
