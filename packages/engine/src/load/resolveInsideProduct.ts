import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';

/**
 * Resolves a path written in a product file, following symbolic links, and returns it only when it
 * stays inside the product folder: a product must not read files of the machine it is built on.
 * Returns `{ outside: true }` for an escape and `{ missing: true }` when nothing is there.
 */
export async function resolveInsideProduct(
  productDir: string,
  path: string,
): Promise<{ path: string } | { outside: true } | { missing: true }> {
  const root = await realpath(productDir).catch(() => resolve(productDir));
  const lexical = resolve(productDir, path);
  const escapes = (target: string) => {
    const inside = relative(root, target);
    return inside.startsWith('..') || isAbsolute(inside);
  };
  if (isAbsolute(path) || escapes(resolve(root, path))) return { outside: true };
  let real: string;
  try {
    real = await realpath(lexical);
  } catch {
    return { missing: true };
  }
  return escapes(real) ? { outside: true } : { path: real };
}
