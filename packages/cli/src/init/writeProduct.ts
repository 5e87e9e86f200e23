import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ConflictError } from '@plexus/spec';
import { CI_WORKFLOW_PATH, ciWorkflow } from './ciWorkflow.ts';
import type { ProductPlan } from './ProductPlan.ts';
import { renderMapping } from './renderMapping.ts';
import { type ProtocolFile, standardAppsModule, standardProtocols } from './standardProtocols.ts';
import { block, commented, yamlDocument } from './yamlWriter.ts';

/** The JSON Schemas of this Plexus checkout, for the editor line of generated YAML files. */
const SCHEMA_DIR = resolve(import.meta.dirname, '../../../../schemas');

/** The schema reference for a file in `folder`: a relative path when the schemas are at hand, else the schema id. */
function schemaLine(folder: string, name: string): string {
  // Inside this checkout (products/<id>) the schemas are a relative path away; elsewhere, their id.
  const inside = !relative(resolve(SCHEMA_DIR, '..'), folder).startsWith('..');
  const path =
    existsSync(SCHEMA_DIR) && inside
      ? relative(folder, join(SCHEMA_DIR, `${name}.schema.json`))
          .split(sep)
          .join('/')
      : `https://plexus.dev/schemas/v1/${name}.schema.json`;
  return `# yaml-language-server: $schema=${path}`;
}

/** Refuses to write into a folder that holds anything, unless forced (then generated files are overwritten). */
export async function checkTarget(dir: string, force: boolean): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return;
  }
  if (entries.length === 0 || force) return;
  const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? ', …' : '');
  throw new ConflictError(
    `${dir} is not empty (${shown}): choose a new folder, or pass --force to overwrite the files init writes there (other files are left alone)`,
  );
}

function productYaml(plan: ProductPlan, dir: string): string {
  const document: Record<string, unknown> = {
    apiVersion: 'plexus.dev/v1',
    kind: 'DataProduct',
    id: commented('The URL segment of the product: /api/v1/products/<id>. Keep it stable.', plan.id),
    title: plan.title,
    version: '0.1.0',
    description: commented(
      'Markdown: what the data is, where it comes from, its caveats.',
      `${plan.description.trim()}\n`,
    ),
    domain: plan.domain,
    owners: commented('Who answers questions about this product: replace with a real person or team.', [
      block({ name: 'Data product owner', role: 'data steward' }),
    ]),
    tags: plan.tags,
    entity: plan.entity,
  };
  if (plan.license) document.license = plan.license;
  if (plan.source) document.source = plan.source;
  return yamlDocument(document, [schemaLine(dir, 'product')]);
}

function packageJson(id: string): string {
  return `${JSON.stringify(
    {
      name: `@plexus-products/${id}`,
      version: '0.1.0',
      private: true,
      description: `Plugins of the ${id} data product (ES modules written in TypeScript)`,
      type: 'module',
    },
    null,
    2,
  )}\n`;
}

export interface WrittenProduct {
  dir: string;
  files: string[];
  protocols: ProtocolFile[];
}

export interface WriteProductOptions {
  /** Write the CI workflow, .github/workflows/plexus.yml (default true). */
  ci?: boolean;
}

/**
 * Writes the product folder: data files, product.yaml, mapping.yaml, protocols, plugins, package.json
 * and, unless told not to, the CI workflow of its repository.
 */
export async function writeProduct(
  plan: ProductPlan,
  dir: string,
  options: WriteProductOptions = {},
): Promise<WrittenProduct> {
  const files: string[] = [];
  const write = async (path: string, content: string) => {
    await writeFile(join(dir, path), content);
    files.push(path);
  };
  await mkdir(join(dir, 'data'), { recursive: true });
  await mkdir(join(dir, 'protocols'), { recursive: true });
  await mkdir(join(dir, 'plugins'), { recursive: true });
  for (const file of plan.dataFiles) {
    const target = join(dir, 'data', file.name);
    if (file.from !== undefined) {
      if (resolve(file.from) !== resolve(target)) await copyFile(file.from, target);
      files.push(`data/${file.name}`);
    } else await write(`data/${file.name}`, file.content ?? '');
  }
  await write('product.yaml', productYaml(plan, dir));
  await write('mapping.yaml', renderMapping(plan, schemaLine(dir, 'mapping')));
  const protocols = standardProtocols(
    { plural: plan.entity.plural, ...plan.protocols },
    schemaLine(join(dir, 'protocols'), 'protocol').replace('# yaml-language-server: $schema=', ''),
  );
  for (const protocol of protocols) await write(`protocols/${protocol.name}`, protocol.content);
  await write('plugins/standardApps.ts', standardAppsModule(protocols.map((protocol) => protocol.export)));
  await write('package.json', packageJson(plan.id));
  if (options.ci !== false) {
    await mkdir(join(dir, dirname(CI_WORKFLOW_PATH)), { recursive: true });
    await write(CI_WORKFLOW_PATH, ciWorkflow({ productId: plan.id }));
  }
  return { dir, files, protocols };
}
