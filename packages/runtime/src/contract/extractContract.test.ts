import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ContractSchema, checkDocument } from '@plexus/spec';
import { afterAll, describe, expect, it } from 'vitest';
import { extractContract } from './extractContract.ts';
import { copyProduct, editYaml } from './productCopyForTests.ts';

const products = resolve(import.meta.dirname, '../../../../products');
const temporary: string[] = [];
afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

describe('extractContract', () => {
  it('reads the contract of pbc-trial from its folder, without a build', async () => {
    const contract = await extractContract(join(products, 'pbc-trial'));
    expect(checkDocument(ContractSchema, contract)).toEqual([]);
    expect(contract.kind).toBe('Contract');
    expect(contract.product).toMatchObject({ id: 'pbc-trial', version: '1.0.0' });
    expect(contract.entity).toEqual({ singular: 'patient', plural: 'patients' });
    expect(contract.attributes.find((attribute) => attribute.id === 'arm')).toEqual({
      id: 'arm',
      type: 'category',
      levels: ['D-penicillamine', 'placebo'],
    });
    expect(contract.attributes.find((attribute) => attribute.id === 'age')).toEqual({
      id: 'age',
      type: 'number',
    });
    expect(contract.endpoints).toEqual([{ id: 'death' }]);
    expect(contract.modalities).toEqual([]);
    expect(contract.protocols.map((protocol) => protocol.id)).toEqual([
      'cohort-summary',
      'compare-groups',
      'cox-regression',
      'kaplan-meier',
      'survival-by-biomarker',
    ]);
    const km = contract.protocols.find((protocol) => protocol.id === 'kaplan-meier');
    expect(km?.parameters.confType).toMatchObject({
      type: 'enum',
      values: ['log', 'log-log', 'plain'],
      default: 'log',
    });
    expect(km?.parameters.confLevel).toMatchObject({
      type: 'number',
      minimum: 0.5,
      maximum: 0.999,
      default: 0.95,
    });
    expect(km?.parameters.groupBy).toMatchObject({ attributeTypes: ['category', 'boolean'], default: 'arm' });
    expect(km?.results?.find((block) => block.id === 'km-curve')).toMatchObject({ type: 'chart' });
    expect(km?.results?.find((block) => block.id === 'log-rank')?.optional).toBe(true);
    expect(km?.attributes).toEqual(['arm']);
    const cox = contract.protocols.find((protocol) => protocol.id === 'cox-regression');
    expect(cox?.attributes).toEqual(['age', 'edema', 'bilirubin', 'albumin', 'prothrombin_time']);
  });

  it('declares results in every example protocol, and reads modalities', async () => {
    for (const id of ['va-lung-trial', 'pbc-trial', 'all-leukemia', 'cdisc-pilot', 'omop-synthea']) {
      const contract = await extractContract(join(products, id));
      for (const protocol of contract.protocols)
        expect(protocol.results?.length, `${id}/${protocol.id}`).toBeGreaterThan(0);
    }
    const leukemia = await extractContract(join(products, 'all-leukemia'));
    expect(leukemia.modalities).toEqual([{ id: 'expression', kind: 'matrix' }]);
  });

  it('counts attributes named in enum values and other defaults as used', async () => {
    const dir = await copyProduct(join(products, 'pbc-trial'));
    temporary.push(dir);
    await editYaml(join(dir, 'protocols/cohort-summary.yaml'), (protocol) => {
      protocol.parameters.sortBy = { type: 'enum', values: ['stage', 'nothing'], default: 'stage' };
      protocol.parameters.highlight = { type: 'string', title: 'sex', default: 'sex' };
    });
    const contract = await extractContract(dir);
    expect(contract.protocols.find((protocol) => protocol.id === 'cohort-summary')?.attributes).toEqual([
      'stage',
      'sex',
    ]);
  });

  it('names the folder, the file and the problem when the product is broken', async () => {
    await expect(extractContract(join(products, 'no-such-product'))).rejects.toThrow(
      /no-such-product is not a folder/,
    );
    const empty = await mkdtemp(join(tmpdir(), 'plexus-contract-'));
    temporary.push(empty);
    await expect(extractContract(empty, { label: 'empty' })).rejects.toThrow(
      'empty is not a product folder: it has no product.yaml',
    );
    const dir = await copyProduct(join(products, 'pbc-trial'));
    temporary.push(dir);
    await editYaml(join(dir, 'protocols/kaplan-meier.yaml'), (protocol) => {
      protocol.results.push({ id: 'Bad_Id', type: 'table' });
    });
    await expect(extractContract(dir, { label: 'copy' })).rejects.toThrow(
      /^copy\/protocols\/kaplan-meier\.yaml:\d+:\d+: .*results/,
    );
    await writeFile(join(dir, 'mapping.yaml'), 'sources: [unclosed\n');
    await expect(extractContract(dir, { label: 'copy' })).rejects.toThrow(/^copy\/mapping\.yaml:\d+:\d+: /);
  });
});
