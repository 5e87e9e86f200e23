import {
  discloseAggregates,
  InMemoryRepeatedQueryLimiter,
  queryHash,
  type RepeatedQueryLimiter,
  resolveDisclosurePolicy,
} from '@plexus/mesh';
import { PluginRunError, type ProductRegistry } from '@plexus/runtime';
import { ConflictError, InputError, NotAllowedError } from '@plexus/spec';
import type { FastifyRequest } from 'fastify';
import { authorizeProduct, authorizeProtocol } from '../gatekeeper/authorizeProduct.ts';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import type { SiteAnswer } from './SiteAnswer.ts';

export interface SiteContext {
  gatekeeper: Gatekeeper;
  registry: ProductRegistry;
  /** This node's name, in answers. */
  node: string;
  /** Seeds disclosure noise: stable across restarts, known only to this node. */
  nodeSecret: string;
  /** Counts identical questions per user, one limiter per product that limits them. */
  limiters: Map<string, RepeatedQueryLimiter>;
}

/**
 * This node answers a federated question as a site: the caller (a user, directly or through another
 * node) must be allowed to run the protocol here, the product must allow federated use, and the
 * aggregates leave only after the product's disclosure control.
 */
export async function answerAsSite(
  context: SiteContext,
  request: FastifyRequest,
  productId: string,
  protocolId: string,
  params: unknown,
  signal?: AbortSignal,
): Promise<SiteAnswer> {
  const product = await authorizeProduct(context.gatekeeper, context.registry, request, productId, 'run');
  await authorizeProtocol(context.gatekeeper, request, product, protocolId);
  if (!product.aggregate || !product.disclosure)
    throw new InputError(`${productId} cannot answer federated questions on this node`);
  const policy = resolveDisclosurePolicy(product.disclosure());
  if (!policy.federated)
    throw new NotAllowedError(
      `${productId} does not take part in federated questions (its owners can allow it: disclosure.federated in product.yaml)`,
      [{ at: 'productId', message: 'federated use not allowed', found: productId }],
    );
  const summary = product.protocols().find((protocol) => protocol.id === protocolId);
  if (!summary?.federation)
    throw new InputError(`protocol '${protocolId}' of ${productId} does not answer federated questions`, [
      { at: 'protocol', message: 'not a federated protocol', found: protocolId },
    ]);
  let computed: Awaited<ReturnType<NonNullable<typeof product.aggregate>>>;
  try {
    computed = await product.aggregate(protocolId, params, signal ? { signal } : {});
  } catch (error) {
    if (error instanceof PluginRunError)
      throw new ConflictError(`${productId} could not compute its aggregates: ${error.message}`);
    throw error;
  }
  const { prepared, aggregates } = computed;
  const question = { protocol: protocolId, params: prepared.params };
  if (policy.repeatedQueries) {
    const { max, windowHours } = policy.repeatedQueries;
    const key = `${productId}/${max}/${windowHours}`;
    let limiter = context.limiters.get(key);
    if (!limiter) {
      limiter = new InMemoryRepeatedQueryLimiter({ max, windowHours });
      context.limiters.set(key, limiter);
    }
    const decision = await limiter.consume({
      user: request.caller.user?.id ?? 'anonymous',
      product: productId,
      queryHash: queryHash(question),
    });
    if (!decision.allowed)
      throw new NotAllowedError(
        `you asked ${productId} this question ${max} times within ${windowHours} h, its limit for identical questions; ask again after ${decision.resetsAt.toISOString()}`,
      );
  }
  const disclosed = discloseAggregates(aggregates, policy, {
    productId,
    dataVersion: prepared.versions.dataVersion,
    query: question,
    nodeSecret: context.nodeSecret,
  });
  return {
    productId,
    node: context.node,
    protocol: { id: protocolId, version: prepared.protocolVersion, combine: summary.federation.combine },
    versions: prepared.versions,
    aggregates: disclosed.aggregates,
    withheld: disclosed.withheld,
    empty: disclosed.empty,
    reasons: disclosed.reasons,
  };
}
