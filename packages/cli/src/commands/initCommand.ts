import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '@plexus/spec';
import { EXIT } from '../exitCodes.ts';
import { titleFromSlug, toSlug } from '../init/identifiers.ts';
import type { InitSource } from '../init/initHelp.ts';
import { nextSteps } from '../init/nextSteps.ts';
import type { ProductPlan } from '../init/ProductPlan.ts';
import { checkTarget, writeProduct } from '../init/writeProduct.ts';

export interface InitOptions {
  from: InitSource;
  id?: string;
  title?: string;
  force?: boolean;
  /** False with --no-ci: no .github/workflows/plexus.yml. */
  ci?: boolean;
}

const SLUG = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

async function plan(
  from: InitSource,
  inputs: string[],
  identity: { id: string; title: string },
): Promise<ProductPlan> {
  switch (from) {
    case 'csv':
      return (await import('../init/fromCsv.ts')).planFromCsv(inputs, identity);
    case 'cdisc':
    case 'omop': {
      if (inputs.length !== 1)
        throw new InputError(
          `--from ${from} takes one folder of CSV files, found ${inputs.length} arguments`,
        );
      const folder = inputs[0] ?? '';
      return from === 'cdisc'
        ? (await import('../init/fromCdisc.ts')).planFromCdisc(folder, identity)
        : (await import('../init/fromOmop.ts')).planFromOmop(folder, identity);
    }
  }
}

/** Every input must exist: files for csv, one folder for cdisc and omop. */
async function checkInputs(from: InitSource, inputs: string[]): Promise<void> {
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) throw new InputError(`${input}: no such ${from === 'csv' ? 'file' : 'folder'}`);
    if (from === 'csv' && !info.isFile())
      throw new InputError(`${input} is not a file: --from csv takes CSV files`);
    if (from !== 'csv' && !info.isDirectory())
      throw new InputError(
        `${input} is not a folder: --from ${from} takes the folder holding the ${from === 'omop' ? 'OMOP tables' : 'SDTM/ADaM datasets'} as CSV files`,
      );
  }
}

/** `plexus init <dir> --from csv|cdisc|omop <input…>`: writes a product folder that validates and builds. */
export async function initCommand(dir: string, inputs: string[], options: InitOptions): Promise<number> {
  const target = resolve(dir);
  const id = options.id ?? toSlug(target.split(/[\\/]/).pop() ?? 'product');
  if (!SLUG.test(id))
    throw new InputError(
      `--id '${id}' is not a product id: use lower-case letters and digits joined by hyphens, e.g. lung-trial`,
    );
  await checkInputs(options.from, inputs);
  await checkTarget(target, options.force === true);
  const product = await plan(options.from, inputs, { id, title: options.title ?? titleFromSlug(id) });
  const written = await writeProduct(product, target, { ci: options.ci !== false });
  process.stdout.write(nextSteps(product, written));
  return EXIT.ok;
}
