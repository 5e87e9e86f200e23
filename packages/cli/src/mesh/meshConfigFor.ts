import type { MeshLayout } from '@plexus/spec';

/** The mesh configuration of one node of a layout on loopback: it trusts every other node. */
export function meshConfigFor(layout: MeshLayout, nodeId: string, host = '127.0.0.1'): string {
  const url = (port: number) => `http://${host}:${port}`;
  const self = layout.nodes.find((node) => node.id === nodeId);
  if (!self) throw new Error(`no node ${nodeId} in the layout`);
  const catalog = layout.nodes.find((node) => node.catalog);
  const others = layout.nodes.filter((node) => node.id !== nodeId);
  return [
    '# Written by plexus mesh up from the mesh layout; edits are overwritten.',
    'apiVersion: plexus.dev/v1',
    'kind: Mesh',
    'node:',
    `  id: ${self.id}`,
    `  url: ${url(self.port)}`,
    ...(catalog ? [`catalog: ${url(catalog.port)}`] : []),
    'trust:',
    ...(others.length > 0
      ? ['  nodes:', ...others.flatMap((node) => [`    - id: ${node.id}`, `      url: ${url(node.port)}`])]
      : ['  nodes: []']),
    '  issuers: []',
    '',
  ].join('\n');
}
