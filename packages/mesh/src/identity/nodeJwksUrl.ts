import type { MeshTrustedNode } from '@plexus/spec';

/** Where a node publishes its keys: its `jwksUrl`, or `<url>/.well-known/jwks.json`. */
export function nodeJwksUrl(node: MeshTrustedNode): string {
  if (node.jwksUrl !== undefined) return node.jwksUrl;
  const base = new URL(node.url);
  base.pathname = `${base.pathname.replace(/\/+$/, '')}/.well-known/jwks.json`;
  base.search = '';
  base.hash = '';
  return base.toString();
}
