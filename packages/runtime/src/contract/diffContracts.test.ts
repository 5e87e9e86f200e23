import { rm, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Contract } from '@plexus/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractChange } from './ContractChange.ts';
import { diffContracts } from './diffContracts.ts';
import { extractContract } from './extractContract.ts';
import { copyProduct, editYaml } from './productCopyForTests.ts';

const products = resolve(import.meta.dirname, '../../../../products');
const temporary: string[] = [];
let pbc: Contract;

beforeAll(async () => {
  pbc = await extractContract(join(products, 'pbc-trial'));
});
afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

/** The changes from pbc-trial to a copy of it edited by `edit`. */
async function changesAfter(
  edit: (dir: string) => Promise<void>,
  product = 'pbc-trial',
): Promise<ContractChange[]> {
  const dir = await copyProduct(join(products, product));
  temporary.push(dir);
  await edit(dir);
  const before = product === 'pbc-trial' ? pbc : await extractContract(join(products, product));
  return diffContracts(before, await extractContract(dir));
}

// biome-ignore lint/suspicious/noExplicitAny: tests reach freely into the parsed YAML.
const editProtocol = (id: string, edit: (protocol: any) => void) => (dir: string) =>
  editYaml(join(dir, 'protocols', `${id}.yaml`), edit);
// biome-ignore lint/suspicious/noExplicitAny: tests reach freely into the parsed YAML.
const editMapping = (edit: (mapping: any) => void) => (dir: string) =>
  editYaml(join(dir, 'mapping.yaml'), edit);

const summary = (changes: ContractChange[]) =>
  changes.map(({ kind, breaking, protocol, parameter, attribute }) => ({
    kind,
    breaking,
    ...(protocol ? { protocol } : {}),
    ...(parameter ? { parameter } : {}),
    ...(attribute ? { attribute } : {}),
  }));

describe('diffContracts', () => {
  it('finds no change between a product and itself', () => {
    expect(diffContracts(pbc, pbc)).toEqual([]);
  });

  it('classifies removed and added protocols', async () => {
    const changes = await changesAfter(async (dir) => {
      await unlink(join(dir, 'protocols/compare-groups.yaml'));
      await editProtocol('kaplan-meier', (protocol) => {
        protocol.id = 'kaplan-meier-two';
      })(dir);
    });
    expect(summary(changes)).toEqual([
      { kind: 'protocol-removed', breaking: true, protocol: 'compare-groups' },
      { kind: 'protocol-removed', breaking: true, protocol: 'kaplan-meier' },
      { kind: 'protocol-added', breaking: false, protocol: 'kaplan-meier-two' },
    ]);
  });

  it('classifies removed, renamed and added parameters', async () => {
    const changes = await changesAfter(
      editProtocol('kaplan-meier', (protocol) => {
        delete protocol.parameters.confType;
        delete protocol.parameters.reference;
        protocol.parameters.transformation = { type: 'enum', values: ['log', 'plain'], default: 'log' };
        protocol.parameters.weights = { type: 'attribute' };
        protocol.parameters.note = { type: 'boolean', default: false };
      }),
    );
    expect(summary(changes)).toEqual([
      { kind: 'parameter-removed', breaking: true, protocol: 'kaplan-meier', parameter: 'reference' },
      { kind: 'parameter-renamed', breaking: true, protocol: 'kaplan-meier', parameter: 'confType' },
      { kind: 'parameter-added', breaking: true, protocol: 'kaplan-meier', parameter: 'weights' },
      { kind: 'parameter-added', breaking: false, protocol: 'kaplan-meier', parameter: 'note' },
    ]);
    expect(changes[1]?.message).toMatch(
      /'confType' removed and 'transformation' added, both enum: renamed\?/,
    );
    expect(changes[0]?.message).toBe(
      "kaplan-meier: parameter 'reference' (string) removed: calls passing it are refused",
    );
    expect(changes[2]?.message).toMatch(/required parameter 'weights' \(attribute\) added without a default/);
  });

  it('reports a removed parameter without a twin as removed', async () => {
    const changes = await changesAfter(
      editProtocol('kaplan-meier', (protocol) => {
        delete protocol.parameters.confType;
      }),
    );
    expect(summary(changes)).toEqual([
      { kind: 'parameter-removed', breaking: true, protocol: 'kaplan-meier', parameter: 'confType' },
    ]);
  });

  it('classifies narrowed and widened enum values, attribute types and bounds', async () => {
    const narrowed = await changesAfter(
      editProtocol('kaplan-meier', (protocol) => {
        protocol.parameters.confType.values = ['log', 'plain'];
        protocol.parameters.groupBy.attributeTypes = ['category'];
        protocol.parameters.confLevel.minimum = 0.8;
        protocol.parameters.reference.maxLength = 20;
      }),
    );
    expect(summary(narrowed)).toEqual([
      { kind: 'parameter-narrowed', breaking: true, protocol: 'kaplan-meier', parameter: 'groupBy' },
      { kind: 'parameter-narrowed', breaking: true, protocol: 'kaplan-meier', parameter: 'reference' },
      { kind: 'parameter-narrowed', breaking: true, protocol: 'kaplan-meier', parameter: 'confLevel' },
      { kind: 'parameter-narrowed', breaking: true, protocol: 'kaplan-meier', parameter: 'confType' },
    ]);
    expect(narrowed[3]?.message).toMatch(/values no longer allowed: log-log/);
    expect(narrowed[2]?.message).toMatch(/lower bound >= 0.5 → >= 0.8/);
    const widened = await changesAfter(
      editProtocol('kaplan-meier', (protocol) => {
        protocol.parameters.confType.values = ['log', 'log-log', 'plain', 'arcsin'];
        protocol.parameters.groupBy.attributeTypes = ['category', 'boolean', 'integer'];
        protocol.parameters.confLevel.minimum = 0.1;
        delete protocol.parameters.confLevel.maximum;
      }),
    );
    expect(summary(widened)).toEqual([
      { kind: 'parameter-widened', breaking: false, protocol: 'kaplan-meier', parameter: 'groupBy' },
      { kind: 'parameter-widened', breaking: false, protocol: 'kaplan-meier', parameter: 'confLevel' },
      { kind: 'parameter-widened', breaking: false, protocol: 'kaplan-meier', parameter: 'confLevel' },
      { kind: 'parameter-widened', breaking: false, protocol: 'kaplan-meier', parameter: 'confType' },
    ]);
  });

  it('treats an exclusive bound at the same value, and a list that needs more items, as narrower', async () => {
    const changes = await changesAfter(
      editProtocol('survival-by-biomarker', (protocol) => {
        protocol.parameters.confLevel.exclusiveMinimum = 0.5;
        delete protocol.parameters.confLevel.minimum;
        protocol.parameters.adjustFor.minItems = 1;
        protocol.parameters.adjustFor.maxItems = 3;
      }),
    );
    expect(changes.map((change) => [change.kind, change.parameter, change.breaking])).toEqual([
      ['parameter-narrowed', 'adjustFor', true],
      ['parameter-narrowed', 'adjustFor', true],
      ['parameter-narrowed', 'confLevel', true],
    ]);
  });

  it('classifies a changed type, a changed default, and a parameter that became required', async () => {
    const changes = await changesAfter(
      editProtocol('kaplan-meier', (protocol) => {
        protocol.parameters.confLevel = { type: 'string', default: '0.95' };
        protocol.parameters.groupBy.default = 'sex';
        protocol.parameters.reference.required = true;
      }),
    );
    expect(summary(changes)).toEqual([
      { kind: 'parameter-default-changed', breaking: false, protocol: 'kaplan-meier', parameter: 'groupBy' },
      { kind: 'parameter-now-required', breaking: true, protocol: 'kaplan-meier', parameter: 'reference' },
      { kind: 'parameter-type-changed', breaking: true, protocol: 'kaplan-meier', parameter: 'confLevel' },
    ]);
    expect(changes[0]?.message).toMatch(/default "arm" → "sex"/);
  });

  it('classifies removed attributes (naming the protocols that use them), type changes and levels', async () => {
    const changes = await changesAfter(
      editMapping((mapping) => {
        mapping.attributes = mapping.attributes.filter(
          (attribute: { id: string }) => attribute.id !== 'prothrombin_time',
        );
        mapping.attributes.push({
          id: 'age_months',
          label: 'Age in months',
          type: 'number',
          expression: 'age * 12',
        });
        mapping.sources.pbc.columns.age.type = 'integer';
        mapping.sources.pbc.columns.stage.values = { 1: '1', 2: '2', 3: '3' };
        mapping.sources.pbc.columns.sex.values.u = 'unknown';
      }),
    );
    expect(summary(changes)).toEqual([
      { kind: 'attribute-type-changed', breaking: true, attribute: 'age' },
      { kind: 'level-added', breaking: false, attribute: 'sex' },
      { kind: 'attribute-removed', breaking: true, attribute: 'prothrombin_time' },
      { kind: 'level-removed', breaking: true, attribute: 'stage' },
      { kind: 'attribute-added', breaking: false, attribute: 'age_months' },
    ]);
    expect(changes[2]?.message).toBe("attribute 'prothrombin_time' removed; used by cox-regression");
    expect(changes[3]?.message).toMatch(/level '4' removed/);
  });

  it('classifies removed and added endpoints', async () => {
    const changes = await changesAfter(
      editMapping((mapping) => {
        mapping.endpoints[0].id = 'overall_death';
      }),
    );
    expect(summary(changes)).toEqual([
      { kind: 'endpoint-removed', breaking: true },
      { kind: 'endpoint-added', breaking: false },
    ]);
  });

  it('classifies removed modalities', async () => {
    const changes = await changesAfter(
      editMapping((mapping) => {
        delete mapping.modalities;
      }),
      'all-leukemia',
    );
    expect(summary(changes)).toEqual([{ kind: 'modality-removed', breaking: true }]);
    expect(changes[0]?.message).toBe("modality 'expression' (matrix) removed");
  });

  it('classifies removed, newly optional, retyped and added result blocks', async () => {
    const changes = await changesAfter(
      editProtocol('kaplan-meier', (protocol) => {
        protocol.results = protocol.results
          .filter((block: { id: string }) => block.id !== 'km-curve')
          .map((block: { id: string }) =>
            block.id === 'medians'
              ? { ...block, optional: true }
              : block.id === 'log-rank'
                ? { ...block, optional: false }
                : block.id === 'at-risk'
                  ? { ...block, type: 'chart' }
                  : block,
          );
        protocol.results.push({ id: 'risk-chart', type: 'chart' });
      }),
    );
    expect(summary(changes)).toEqual([
      { kind: 'result-removed', breaking: true, protocol: 'kaplan-meier' },
      { kind: 'result-now-optional', breaking: true, protocol: 'kaplan-meier' },
      { kind: 'result-type-changed', breaking: true, protocol: 'kaplan-meier' },
      { kind: 'result-now-guaranteed', breaking: false, protocol: 'kaplan-meier' },
      { kind: 'result-added', breaking: false, protocol: 'kaplan-meier' },
    ]);
    expect(changes[0]?.message).toBe("kaplan-meier: result block 'km-curve' (chart) removed");
  });

  it('treats dropping the declaration of results as breaking, adding one as not', async () => {
    const dropped = await changesAfter(
      editProtocol('compare-groups', (protocol) => {
        delete protocol.results;
      }),
    );
    expect(summary(dropped)).toEqual([
      { kind: 'result-removed', breaking: true, protocol: 'compare-groups' },
    ]);
    const withoutResults = { ...pbc, protocols: pbc.protocols.map(({ results: _results, ...rest }) => rest) };
    expect(summary(diffContracts(withoutResults, pbc)).every((change) => !change.breaking)).toBe(true);
  });
});
