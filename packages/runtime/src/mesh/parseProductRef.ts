import type { ProductRef } from '../plugins/PluginMesh.ts';
import { MeshRequestError } from '../plugins/PluginMesh.ts';

const PRODUCT_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const NODE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * A plugin's product reference as `{ product, node? }`: `trial-registry`, `safety/trial-registry` or
 * `{ node: 'safety', product: 'trial-registry' }`. Anything else is the plugin's mistake, said plainly.
 */
export function parseProductRef(reference: ProductRef): { product: string; node?: string } {
  const parsed =
    typeof reference === 'string'
      ? reference.includes('/')
        ? {
            node: reference.slice(0, reference.indexOf('/')),
            product: reference.slice(reference.indexOf('/') + 1),
          }
        : { product: reference }
      : reference !== null && typeof reference === 'object'
        ? { product: reference.product, ...(reference.node !== undefined ? { node: reference.node } : {}) }
        : undefined;
  const valid =
    parsed !== undefined &&
    typeof parsed.product === 'string' &&
    PRODUCT_ID.test(parsed.product) &&
    (parsed.node === undefined || (typeof parsed.node === 'string' && NODE_ID.test(parsed.node)));
  if (!valid)
    throw new MeshRequestError(
      'MESH_INVALID',
      `${JSON.stringify(reference)} is not a product reference: write the product id ('trial-registry'), '<node>/<product>' or { node, product }`,
    );
  return parsed;
}
