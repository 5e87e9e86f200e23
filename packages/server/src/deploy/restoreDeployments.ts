import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProductRegistry } from '@plexus/runtime';
import { CHANNELS, ChannelStore } from './ChannelStore.ts';

/**
 * Serves again what each channel served before the node stopped: every product folder under the data
 * folder with a channel pointer, except products the node now serves from product folders.
 */
export async function restoreDeployments(
  registry: ProductRegistry,
  dataDir: string,
  onRestored: (productId: string, channel: string, error?: unknown) => void = () => {},
): Promise<void> {
  const { openKept, serve } = registry;
  if (!openKept || !serve) return;
  const entries = await readdir(dataDir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory() || registry.servedFromFolder?.(entry.name)) continue;
    const root = join(dataDir, entry.name);
    const channels = new ChannelStore(root);
    for (const channel of CHANNELS) {
      const { current } = await channels.read(channel);
      if (!current) continue;
      try {
        const product = await openKept(root, current);
        // A folder holds one product: a version naming another is never served in its place.
        if (product.id !== entry.name) {
          product.close();
          throw new Error(`the version kept in ${entry.name}/ is product '${product.id}'`);
        }
        serve(product, channel);
        onRestored(current.productId, channel);
      } catch (error) {
        onRestored(current.productId, channel, error);
      }
    }
  }
}
