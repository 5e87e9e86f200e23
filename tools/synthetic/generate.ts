import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateAdverseEventReports } from './adverseEventReports.ts';
import { generateBayAreaMedical } from './bayAreaMedical.ts';
import { generateBostonGeneral } from './bostonGeneral.ts';
import { type GeneratedFiles, writeText } from './csv.ts';
import { generateHealthEconomics } from './healthEconomics.ts';
import { generateTrialRegistry } from './trialRegistry.ts';

/** Each synthetic product's id and the generator of the CSV files of its data folder. */
export const GENERATORS: Record<string, () => GeneratedFiles> = {
  'boston-general': generateBostonGeneral,
  'bay-area-medical': generateBayAreaMedical,
  'adverse-event-reports': generateAdverseEventReports,
  'trial-registry': generateTrialRegistry,
  'health-economics': generateHealthEconomics,
};

/** Writes every product's CSVs to `<productsDir>/<id>/data/`; returns the paths written, relative to it. */
export async function generateAll(productsDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const [id, generate] of Object.entries(GENERATORS)) {
    for (const [file, text] of Object.entries(generate())) {
      await writeText(join(productsDir, id, 'data', file), text);
      written.push(join(id, 'data', file));
    }
  }
  return written;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const productsDir = resolve(values.out ?? join(import.meta.dirname, '../../products'));
  const started = performance.now();
  const written = await generateAll(productsDir);
  for (const path of written) console.log(`wrote ${join(productsDir, path)}`);
  console.log(`${written.length} files in ${Math.round(performance.now() - started)} ms`);
}
