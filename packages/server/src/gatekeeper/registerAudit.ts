import { createHash } from 'node:crypto';
import type { ProductRegistry } from '@plexus/runtime';
import type { FastifyInstance } from 'fastify';
import type { AuditOutcome } from '../control/ControlStore.ts';
import type { Gatekeeper } from './Gatekeeper.ts';

/** JSON with sorted keys, so that the same parameters always hash alike whatever their order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

const outcomeOf = (status: number): AuditOutcome =>
  status < 400 ? 'allowed' : status === 401 || status === 403 || status === 404 ? 'denied' : 'failed';

/**
 * Every request that touches a product — its model, protocols, cohort counts, runs — is recorded once
 * answered: who (for a call from another node: the user it called for, and `node:<id>` as the token),
 * which product and data version, which protocol, a hash of the parameters (never the
 * parameters: they may hold patient-level criteria), the outcome and the status.
 */
export function registerAudit(app: FastifyInstance, gatekeeper: Gatekeeper, registry: ProductRegistry): void {
  app.addHook('onResponse', async (request, reply) => {
    const params = (request.params ?? {}) as { productId?: string; protocolId?: string };
    if (params.productId === undefined) return;
    const product = registry.get(params.productId);
    const body = request.body === undefined ? undefined : canonical(request.body);
    try {
      await gatekeeper.store.appendAudit({
        at: new Date().toISOString(),
        userId: request.caller?.userId ?? null,
        // A call from another node of the mesh is recorded as `node:<id>` in place of an API token.
        tokenId: request.caller?.node ? `node:${request.caller.node.id}` : (request.caller?.tokenId ?? null),
        action:
          request.routeOptions.schema?.operationId ?? `${request.method} ${request.routeOptions.url ?? ''}`,
        productId: params.productId,
        dataVersion: product ? product.descriptor().dataVersion : null,
        protocolId: params.protocolId ?? null,
        paramsHash: body === undefined ? null : createHash('sha256').update(body).digest('hex'),
        outcome: outcomeOf(reply.statusCode),
        status: reply.statusCode,
        requestId: String(request.id),
      });
    } catch (error) {
      // The answer has gone out; a failure to record it is the operator's to see, not the caller's.
      request.log.error({ err: error, requestId: request.id }, 'audit record not written');
    }
  });
}
