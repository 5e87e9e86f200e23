import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const VA_LUNG = resolve(import.meta.dirname, '../../products/va-lung-trial');

/** Federated protocols a site adds to the va-lung-trial model. */
const PROTOCOLS: Record<string, string> = {
  'federated-cox.yaml': `apiVersion: plexus.dev/v1
kind: Protocol
id: federated-cox
version: 1.0.0
title: Hazard ratio of the test arm, across sites
description: Cox hazard ratio of one level of a two-level attribute against the other, pooled across sites by meta-analysis.
category: survival
parameters:
  cohort: { type: cohort }
  endpoint: { type: endpoint, default: os }
  groupBy: { type: attribute, attributeTypes: [category, boolean], default: arm }
  reference: { type: string, required: false }
plugin: { module: plugins/federated.ts, export: federatedCox }
federation: { combine: meta-analysis, aggregates: coxEstimate }
`,
  'federated-counts.yaml': `apiVersion: plexus.dev/v1
kind: Protocol
id: federated-counts
version: 1.0.0
title: Patients by cell type and arm, across sites
description: Counts of patients by one or two attributes, summed across sites after each site's disclosure control.
category: descriptive
parameters:
  cohort: { type: cohort }
  rows: { type: attribute, attributeTypes: [category, boolean], default: cell_type }
  columns: { type: attribute, attributeTypes: [category, boolean], required: false }
plugin: { module: plugins/federated.ts, export: federatedCounts }
federation: { combine: sum, aggregates: countsByAttributes }
`,
};

const PLUGIN = `export { countsByAttributes, coxEstimate, federatedCounts, federatedCox } from '@plexus/apps';

/** A site that takes its time: the coordinator's deadline must not wait for it. */
export async function slowCounts(context: never) {
  await new Promise((resolve) => setTimeout(resolve, 20_000));
  const { countsByAttributes } = await import('@plexus/apps');
  return countsByAttributes(context);
}
`;

export interface SiteOptions {
  /** Rows of the va-lung-trial CSV (0-based, header excluded) this site holds. */
  keep: (index: number) => boolean;
  federated?: boolean;
  minCellCount?: number;
  /** Compute counts slowly (20 s): a site that times out. */
  slow?: boolean;
}

/** A copy of va-lung-trial holding some of its patients, answering federated questions. */
export async function writeSiteProduct(root: string, id: string, options: SiteOptions): Promise<string> {
  const dir = join(root, id);
  await cp(VA_LUNG, dir, { recursive: true, filter: (path) => !path.includes(`${VA_LUNG}/.plexus`) });
  await rm(join(dir, 'tests'), { recursive: true, force: true });
  const csv = join(dir, 'data', 'veteran.csv');
  const [header, ...rows] = (await readFile(csv, 'utf8')).trimEnd().split('\n');
  await writeFile(csv, `${[header, ...rows.filter((_row, index) => options.keep(index))].join('\n')}\n`);
  const product = join(dir, 'product.yaml');
  await writeFile(
    product,
    `${(await readFile(product, 'utf8')).replace(/^id: .*$/m, `id: ${id}`)}disclosure:\n  federated: ${options.federated ?? true}\n  minCellCount: ${options.minCellCount ?? 5}\n`,
  );
  await mkdir(join(dir, 'protocols'), { recursive: true });
  for (const [file, text] of Object.entries(PROTOCOLS))
    await writeFile(
      join(dir, 'protocols', file),
      options.slow ? text.replace('aggregates: countsByAttributes', 'aggregates: slowCounts') : text,
    );
  await writeFile(join(dir, 'plugins', 'federated.ts'), PLUGIN);
  return dir;
}

/** Product copies outside the workspace find Plexus's packages as an installed repository would. */
export async function linkNodeModules(root: string): Promise<void> {
  await symlink(resolve(import.meta.dirname, '../../node_modules'), join(root, 'node_modules'), 'dir');
}
