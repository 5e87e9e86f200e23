import { loadMeshConfig, loadOrCreateNodeKey, NodeTokenVerifier } from '@plexus/mesh';
import type { MeshConfig } from '@plexus/spec';
import { MeshClient } from './MeshClient.ts';
import type { NodeMesh } from './NodeMesh.ts';

export interface OpenNodeMeshOptions {
  /** The mesh configuration, or the path of its YAML file (`loadMeshConfig`). */
  config: MeshConfig | string;
  /** The node's data folder: its key is `node-key.pem` there, created on first start. */
  dataDir: string;
  /** For key set fetches and calls to other nodes; default the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Time limit of a call to another node unless the call sets one; default 30 s. */
  callTimeoutMs?: number;
}

/**
 * Everything a node needs to take part in a mesh: its configuration (read and checked), its key
 * (loaded, or generated on first start), the verifier of its peers' tokens and the client for calls to
 * them. Pass `mesh` to `createServer` and `mesh.verifier` to the gatekeeper (`nodeTokens`, with
 * `nodeGroupIssuers: mesh.config.trust.issuers`).
 */
export async function openNodeMesh(options: OpenNodeMeshOptions): Promise<NodeMesh> {
  const config = typeof options.config === 'string' ? await loadMeshConfig(options.config) : options.config;
  const keys = await loadOrCreateNodeKey(options.dataDir);
  const verifier = new NodeTokenVerifier({
    trust: config.trust,
    thisNodeId: config.node.id,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const client = new MeshClient({
    key: keys.current,
    nodeId: config.node.id,
    trust: config.trust,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.callTimeoutMs !== undefined ? { defaultTimeoutMs: options.callTimeoutMs } : {}),
  });
  return { config, keys, verifier, client };
}
