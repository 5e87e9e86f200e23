import { openProducts } from '@plexus/runtime';
import { InputError } from '@plexus/spec';
import { EXIT } from '../exitCodes.ts';
import { findProductDirs } from '../findProductDirs.ts';
import { productFinder } from '../productFinder.ts';

export interface RunOptions {
  params?: string;
  param?: string[];
  dataDir?: string;
  /** Product folders a plugin's calls (ctx.mesh) may reach besides the sibling folders. */
  with?: string[];
}

/** `key=value` pairs: values that parse as JSON (numbers, booleans, objects) are taken as such, else as text. */
export function parseParams(options: RunOptions): Record<string, unknown> {
  let params: Record<string, unknown> = {};
  if (options.params) {
    try {
      params = JSON.parse(options.params) as Record<string, unknown>;
    } catch (error) {
      throw new InputError(`--params is not valid JSON: ${(error as Error).message}`);
    }
  }
  for (const pair of options.param ?? []) {
    const split = pair.indexOf('=');
    if (split <= 0) throw new InputError(`--param expects name=value, found '${pair}'`);
    const text = pair.slice(split + 1);
    let value: unknown = text;
    try {
      value = JSON.parse(text);
    } catch {
      // Plain text such as an attribute id.
    }
    params[pair.slice(0, split)] = value;
  }
  return params;
}

/** Runs one protocol on a built product without a server and prints the result document as JSON. */
export async function runCommand(path: string, protocolId: string, options: RunOptions): Promise<number> {
  const params = parseParams(options);
  const [dir] = await findProductDirs([path]);
  if (!dir) throw new InputError(`${path} is not a product folder`);
  const registry = await openProducts([dir], {
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    findProductDir: productFinder([dir], options.with),
  });
  try {
    const product = registry.list()[0];
    if (!product) throw new InputError(`${path} is not a product folder`);
    const run = await product.run(protocolId, params);
    process.stdout.write(`${JSON.stringify(run.status === 'succeeded' ? run.result : run, null, 2)}\n`);
    if (run.status === 'failed')
      process.stderr.write(`run failed: ${run.error?.code}: ${run.error?.message}\n`);
    return run.status === 'succeeded' ? EXIT.ok : EXIT.problems;
  } finally {
    await registry.close();
  }
}
