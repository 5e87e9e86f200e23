import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Packages with native parts, never bundled (and never needed by a plugin: data come through ctx). */
const NATIVE = ['@duckdb/*', 'better-sqlite3', 'pg-native'];

/**
 * Bundled ES modules may `require` a CommonJS dependency's built-ins; Node gives ES modules no
 * `require`, so the bundle makes one.
 */
const REQUIRE_SHIM =
  "import { createRequire as __plexusCreateRequire } from 'node:module'; const require = __plexusCreateRequire(import.meta.url);";

/**
 * A plugin module and everything it imports (the apps, the statistics, the schemas…) as one JavaScript
 * file, kept as `<dir>/<sha256>.mjs`. A plugin worker loads it in some 30 ms where loading the
 * TypeScript sources module by module through the TypeScript loader takes half a second; since every
 * run gets a fresh worker, that is the cost of every run. Undefined when the module cannot be bundled
 * (the worker then loads the sources, as before). The plugin's hash stays that of its sources.
 */
export async function bundlePlugin(modulePath: string, dir: string): Promise<string | undefined> {
  let code: Uint8Array;
  try {
    const result = await build({
      entryPoints: [modulePath],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: NATIVE,
      banner: { js: REQUIRE_SHIM },
      legalComments: 'none',
      write: false,
      logLevel: 'silent',
    });
    const output = result.outputFiles[0];
    if (!output) return undefined;
    code = output.contents;
  } catch {
    return undefined;
  }
  const path = join(dir, `${createHash('sha256').update(code).digest('hex')}.mjs`);
  if (await stat(path).catch(() => undefined)) return path;
  await mkdir(dir, { recursive: true });
  // Written under another name, then renamed: a worker never loads half a bundle.
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, code);
    await rename(temporary, path);
  } catch {
    await rm(temporary, { force: true });
    return undefined;
  }
  return path;
}
