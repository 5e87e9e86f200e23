import { problemAt, resolveInsideProduct, type YamlFile } from '@plexus/engine';
import type { Problem, Protocol } from '@plexus/spec';
import { didYouMean } from '@plexus/spec';
import { inspectPluginModule } from '../plugins/inspectPluginModule.ts';

/** Checks that the plugin module exists inside the product folder and exports the named function. */
export async function checkPlugin(
  productDir: string,
  protocol: Protocol,
  file: YamlFile,
  /** Modules already inspected for this product: protocols often share one module, loaded once. */
  inspections: Map<string, Promise<Record<string, string>>> = new Map(),
): Promise<{ modulePath?: string; problems: Problem[] }> {
  const located = await resolveInsideProduct(productDir, protocol.plugin.module);
  const moduleProblem = (message: string) => ({
    problems: [problemAt(file, ['plugin', 'module'], 'plugin-missing', message)],
  });
  if ('outside' in located)
    return moduleProblem(`plugin module ${protocol.plugin.module} is outside the product folder`);
  if ('missing' in located) return moduleProblem(`plugin module ${protocol.plugin.module} does not exist`);
  const modulePath = located.path;
  let module: Record<string, string>;
  try {
    let inspection = inspections.get(modulePath);
    if (!inspection) {
      inspection = inspectPluginModule(modulePath);
      inspections.set(modulePath, inspection);
    }
    module = await inspection;
  } catch (error) {
    const reason = loadFailure(error, productDir);
    return {
      problems: [
        problemAt(
          file,
          ['plugin', 'module'],
          'plugin-missing',
          `plugin module ${protocol.plugin.module} does not load: ${reason}`,
        ),
      ],
    };
  }
  const exported = module[protocol.plugin.export];
  if (exported !== 'function') {
    const functions = Object.keys(module).filter((name) => module[name] === 'function');
    const what = exported === undefined ? 'does not export' : 'exports something other than a function named';
    return {
      problems: [
        problemAt(
          file,
          ['plugin', 'export'],
          'plugin-export-missing',
          `plugin module ${protocol.plugin.module} ${what} '${protocol.plugin.export}'${didYouMean(protocol.plugin.export, functions)} (its functions: ${functions.join(', ') || 'none'})`,
        ),
      ],
    };
  }
  return { modulePath, problems: [] };
}

/**
 * Why a plugin module did not load, in a form a person can act on: a compile error as
 * `plugins/x.ts:line:col: message`, and the fix for the commonest set-up mistake.
 */
function loadFailure(error: unknown, productDir: string): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const relevant = lines[0]?.startsWith('Transform failed') ? lines.slice(1, 4) : lines.slice(0, 1);
  const message = relevant
    .map((line) => line.replaceAll(`${productDir}/`, '').replace(': ERROR: ', ': '))
    .join('; ');
  // Without "type": "module" in a package.json above it, a .ts plugin is compiled as CommonJS.
  return /require\(\) ES Module|Cannot use import statement/.test(message)
    ? `${message} — add a package.json with "type": "module" to the product folder`
    : message;
}
