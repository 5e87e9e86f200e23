import type { FastifyInstance } from 'fastify';
import { MeshCallError } from '../mesh/MeshCallError.ts';
import { RemoteSiteError, type RemoteSites } from './RemoteSites.ts';
import type { SiteAnswer } from './SiteAnswer.ts';

/**
 * Sites on other nodes of the mesh, asked with a node token on the caller's behalf (scope `run`, so the
 * callee applies its own grants to that user and no more): the coordinator never forwards credentials.
 */
export function meshRemoteSites(app: FastifyInstance): RemoteSites {
  return {
    async ask(node, productId, protocolId, params, { request, timeoutMs, signal }) {
      const mesh = app.mesh;
      if (!mesh) throw new RemoteSiteError('error', `this node is not part of a mesh: it cannot ask ${node}`);
      const traceparent = request.headers.traceparent;
      try {
        const answer = await mesh.client.call<{ site: SiteAnswer }>(
          node,
          'POST',
          `/api/v1/products/${encodeURIComponent(productId)}/protocols/${encodeURIComponent(protocolId)}/aggregates`,
          { params },
          {
            user: await mesh.userOf(request.caller),
            scopes: ['run'],
            timeoutMs,
            signal,
            ...(typeof traceparent === 'string' ? { traceparent } : {}),
          },
        );
        return answer.body.site;
      } catch (error) {
        if (!(error instanceof MeshCallError)) throw error;
        const status =
          error.kind === 'timeout'
            ? 'timeout'
            : error.kind === 'refused' || error.kind === 'not-found' || error.status === 403
              ? 'denied'
              : 'error';
        throw new RemoteSiteError(status, `${node}: ${error.message}`);
      }
    },
  };
}
