import type { ProductRegistry } from '@plexus/runtime';
import { createFakeRegistry, FAKE_PRODUCT_ID } from './fakeRegistry.ts';
import { registryOf } from './registryOf.ts';

/** Test fixture: the fake registry, except that every run of its product throws `error`. */
export function registryThrowing(error: unknown): ProductRegistry {
  const registry = createFakeRegistry();
  const product = registry.get(FAKE_PRODUCT_ID);
  if (product === undefined) throw new Error('the fake registry lost its product');
  const throwing = {
    ...product,
    run: async () => {
      throw error;
    },
    prepare: async () => {
      throw error;
    },
  };
  return registryOf([throwing]);
}
