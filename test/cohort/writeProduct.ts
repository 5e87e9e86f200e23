import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttributeType, ProductData, Scalar } from './productData.ts';

/**
 * One CSV field. Every string is quoted (inner quotes doubled) so commas, quotes and semicolons in the
 * data reach the engine as data; a missing value is an empty unquoted field, read as NULL.
 */
function csvField(value: Scalar | null): string {
  if (value === null) return '';
  if (typeof value === 'string') return `"${value.replaceAll('"', '""')}"`;
  return String(value);
}

function csv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<Scalar | null>>): string {
  return `${[header.join(','), ...rows.map((row) => row.map(csvField).join(','))].join('\n')}\n`;
}

const column = (type: AttributeType | 'text') => ({ type });

/** Source and modality ids of the files written for each part of the product. */
export const sourceIds = {
  entities: 'entities',
  events: (id: string) => `ev_${id}`,
  matrix: (id: string) => `mx_${id}`,
  features: (id: string) => `mf_${id}`,
  variants: (id: string) => `vr_${id}`,
};

/** The mapping of a product as a plain object (written as JSON, which YAML reads as it is). */
export function mappingOf(product: ProductData): Record<string, unknown> {
  const sources: Record<string, unknown> = {
    [sourceIds.entities]: {
      path: 'data/entities.csv',
      columns: {
        entity_key: column('text'),
        ...Object.fromEntries(product.attributes.map((attribute) => [attribute.id, column(attribute.type)])),
        ...Object.fromEntries(
          product.endpoints.flatMap((endpoint) => [
            [`${endpoint.id}_time`, column('number')],
            [`${endpoint.id}_status`, column('integer')],
          ]),
        ),
      },
    },
  };
  const modalities: unknown[] = [];
  for (const events of product.events) {
    sources[sourceIds.events(events.id)] = {
      path: `data/${sourceIds.events(events.id)}.csv`,
      columns: {
        entity: column('text'),
        t: column(events.timing === 'date' ? 'date' : 'number'),
        name: column('text'),
        code: column('text'),
        grp: column('text'),
        val: column('number'),
        txt: column('text'),
        unit: column('text'),
      },
    };
    modalities.push({
      id: events.id,
      label: `Events ${events.id}`,
      kind: 'events',
      source: sourceIds.events(events.id),
      entity: 'entity',
      time: events.timing === 'date' ? { value: 't' } : { value: 't', unit: events.unit },
      name: 'name',
      code: 'code',
      group: 'grp',
      value: 'val',
      text: 'txt',
      unit: 'unit',
    });
  }
  for (const matrix of product.matrices) {
    sources[sourceIds.matrix(matrix.id)] = {
      path: `data/${sourceIds.matrix(matrix.id)}.csv`,
      columns: { entity: column('text'), feature: column('text'), value: column('number') },
    };
    const named = matrix.features.some((feature) => feature.name !== null);
    if (named) {
      sources[sourceIds.features(matrix.id)] = {
        path: `data/${sourceIds.features(matrix.id)}.csv`,
        columns: { feature_id: column('text'), feature_name: column('text') },
      };
    }
    modalities.push({
      id: matrix.id,
      label: `Matrix ${matrix.id}`,
      kind: 'matrix',
      long: { source: sourceIds.matrix(matrix.id), entity: 'entity', feature: 'feature', value: 'value' },
      ...(named
        ? { features: { source: sourceIds.features(matrix.id), id: 'feature_id', name: 'feature_name' } }
        : {}),
    });
  }
  for (const variants of product.variants) {
    sources[sourceIds.variants(variants.id)] = {
      path: `data/${sourceIds.variants(variants.id)}.csv`,
      columns: {
        entity: column('text'),
        chrom: column('text'),
        pos: column('integer'),
        ref: column('text'),
        alt: column('text'),
        gene: column('text'),
        consequence: column('text'),
        genotype: column('text'),
      },
    };
    modalities.push({
      id: variants.id,
      label: `Variants ${variants.id}`,
      kind: 'variants',
      table: {
        source: sourceIds.variants(variants.id),
        entity: 'entity',
        chrom: 'chrom',
        pos: 'pos',
        ref: 'ref',
        alt: 'alt',
        gene: 'gene',
        consequence: 'consequence',
        genotype: 'genotype',
      },
    });
  }
  return {
    apiVersion: 'plexus.dev/v1',
    kind: 'Mapping',
    sources,
    entity: { source: sourceIds.entities, id: { column: 'entity_key' } },
    attributes: product.attributes.map((attribute) => ({
      id: attribute.id,
      label: `Attribute ${attribute.id}`,
      column: attribute.id,
      ...(attribute.levels ? { levels: attribute.levels } : {}),
    })),
    endpoints: product.endpoints.map((endpoint) => ({
      id: endpoint.id,
      label: `Endpoint ${endpoint.id}`,
      time: { column: `${endpoint.id}_time`, unit: endpoint.unit },
      event: { column: `${endpoint.id}_status`, eventValues: [1], censoredValues: [0] },
    })),
    ...(modalities.length > 0 ? { modalities } : {}),
  };
}

/** Writes product.yaml, mapping.yaml and one CSV per source into `dir` (created if needed). */
export async function writeProduct(product: ProductData, dir: string, id = 'random-product'): Promise<void> {
  await mkdir(join(dir, 'data'), { recursive: true });
  const productYaml = {
    apiVersion: 'plexus.dev/v1',
    kind: 'DataProduct',
    id,
    title: 'Random test product',
    version: '1.0.0',
    description: 'Generated for property tests of the cohort language.',
    domain: 'testing',
    owners: [{ name: 'Test suite' }],
    entity: { singular: 'subject', plural: 'subjects' },
  };
  await writeFile(join(dir, 'product.yaml'), `${JSON.stringify(productYaml, null, 2)}\n`);
  await writeFile(join(dir, 'mapping.yaml'), `${JSON.stringify(mappingOf(product), null, 2)}\n`);
  const files: Array<[string, string]> = [
    [
      'entities.csv',
      csv(
        [
          'entity_key',
          ...product.attributes.map((attribute) => attribute.id),
          ...product.endpoints.flatMap((endpoint) => [`${endpoint.id}_time`, `${endpoint.id}_status`]),
        ],
        product.ids.map((entityId, row) => [
          entityId,
          ...product.attributes.map((attribute) => attribute.values[row] ?? null),
          ...product.endpoints.flatMap((endpoint) => {
            const event = endpoint.event[row] ?? null;
            return [endpoint.time[row] ?? null, event === null ? null : event ? 1 : 0];
          }),
        ]),
      ),
    ],
  ];
  for (const events of product.events) {
    files.push([
      `${sourceIds.events(events.id)}.csv`,
      csv(
        ['entity', 't', 'name', 'code', 'grp', 'val', 'txt', 'unit'],
        events.rows.map((row) => [
          row.entity,
          row.time,
          row.name,
          row.code,
          row.group,
          row.value,
          row.text,
          row.unit,
        ]),
      ),
    ]);
  }
  for (const matrix of product.matrices) {
    files.push([
      `${sourceIds.matrix(matrix.id)}.csv`,
      csv(
        ['entity', 'feature', 'value'],
        matrix.cells.map((cell) => [cell.entity, cell.feature, cell.value]),
      ),
    ]);
    if (matrix.features.some((feature) => feature.name !== null)) {
      files.push([
        `${sourceIds.features(matrix.id)}.csv`,
        csv(
          ['feature_id', 'feature_name'],
          matrix.features.map((feature) => [feature.id, feature.name]),
        ),
      ]);
    }
  }
  for (const variants of product.variants) {
    files.push([
      `${sourceIds.variants(variants.id)}.csv`,
      csv(
        ['entity', 'chrom', 'pos', 'ref', 'alt', 'gene', 'consequence', 'genotype'],
        variants.rows.map((row) => [
          row.entity,
          row.chrom,
          row.pos,
          row.ref,
          row.alt,
          row.gene,
          row.consequence,
          row.genotype,
        ]),
      ),
    ]);
  }
  await Promise.all(files.map(([name, text]) => writeFile(join(dir, 'data', name), text)));
}
