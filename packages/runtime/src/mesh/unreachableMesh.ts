import { MeshRequestError, type PluginMesh } from '../plugins/PluginMesh.ts';

/** A ctx.mesh that reaches no product: for plugin contexts built by hand (unit tests of plugins). */
export const unreachableMesh: PluginMesh = {
  call: (product) =>
    Promise.reject(new MeshRequestError('MESH_UNAVAILABLE', `${JSON.stringify(product)}: no mesh here`)),
  cohortCount: (product) =>
    Promise.reject(new MeshRequestError('MESH_UNAVAILABLE', `${JSON.stringify(product)}: no mesh here`)),
};
