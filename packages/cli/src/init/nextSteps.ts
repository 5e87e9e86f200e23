import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CI_WORKFLOW_PATH } from './ciWorkflow.ts';
import type { ProductPlan } from './ProductPlan.ts';
import type { WrittenProduct } from './writeProduct.ts';

/** Whether the standard apps the plugins re-export resolve from the product folder, as Node would look for them. */
function appsResolve(dir: string): boolean {
  for (let folder = dir; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'node_modules', '@plexus', 'apps'))) return true;
    if (dirname(folder) === folder) return false;
  }
}

/** What to look at and what to run after init, printed once the product is written. */
export function nextSteps(plan: ProductPlan, written: WrittenProduct): string {
  const dir = relative(process.cwd(), written.dir) || '.';
  const counts = [
    `${plan.attributes.length} attribute${plan.attributes.length === 1 ? '' : 's'}`,
    `${plan.endpoints.length} endpoint${plan.endpoints.length === 1 ? '' : 's'}`,
    `${plan.modalities.length} events modalit${plan.modalities.length === 1 ? 'y' : 'ies'}`,
    `${written.protocols.length} protocol${written.protocols.length === 1 ? '' : 's'}`,
  ];
  const lines = [
    `Created ${dir}: ${plan.entity.plural} from ${plan.entitySource}, ${counts.join(', ')}.`,
    '',
  ];
  if (plan.checks.length > 0) {
    lines.push('Check these inferences in mapping.yaml (marked CHECK there):');
    for (const check of plan.checks) lines.push(`  - ${check}`);
    lines.push('');
  }
  if (!appsResolve(written.dir)) {
    lines.push(
      'Note: plugins/standardApps.ts imports @plexus/apps, which does not resolve from this folder: move the',
      'product into a Plexus workspace (e.g. its products/ folder) or install @plexus/apps beside it.',
      '',
    );
  }
  lines.push(
    'Then edit product.yaml (title, description, owners, licence) and:',
    `  plexus validate ${dir}     every problem, as file:line:col  code  message`,
    `  plexus build ${dir}        data tests and an immutable snapshot`,
    `  plexus serve ${dir}        the apps over HTTP (http://127.0.0.1:7700)`,
  );
  if (written.files.includes(CI_WORKFLOW_PATH))
    lines.push(
      '',
      `CI: ${CI_WORKFLOW_PATH} validates, builds and tests on every push, checks the data contract`,
      "(plexus diff) on pull requests, and deploys main to a node's staging, then production, channel.",
      'It runs when the folder is the root of its git repository; set the variable PLEXUS_NODE and the',
      'secret PLEXUS_TOKEN in the repository settings (see docs/delivery.md). Leave it out with --no-ci.',
    );
  return `${lines.join('\n')}\n`;
}
