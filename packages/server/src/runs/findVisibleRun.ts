import type { ProductRegistry, ProductService } from '@plexus/runtime';
import { describeValue, NotFoundError } from '@plexus/spec';
import type { FastifyRequest } from 'fastify';
import type { RunRecord } from '../control/ControlStore.ts';
import { authorizeProduct, authorizeProtocol } from '../gatekeeper/authorizeProduct.ts';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';

/**
 * A run the caller may see, with its product: their own runs, or a run made without an account, whose
 * unguessable id is its key — and only while the caller may still run that protocol of that product (a
 * result is what running gives). Node administrators are no exception: they see data only through
 * grants. Anything else is the 404 of a run that does not exist.
 */
export async function findVisibleRun(
  gatekeeper: Gatekeeper,
  registry: ProductRegistry,
  request: FastifyRequest,
  runId: string,
  at = 'runId',
): Promise<{ record: RunRecord; product: ProductService }> {
  const record = await gatekeeper.store.getRun(runId);
  const { caller } = request;
  const mine = record !== null && (record.userId === null || record.userId === caller.user?.id);
  if (!record || !mine)
    throw new NotFoundError(`There is no run ${describeValue(runId)} of yours on this node.`, [
      { at, message: 'no such run', found: runId },
    ]);
  const product = await authorizeProduct(gatekeeper, registry, request, record.productId, 'run');
  await authorizeProtocol(gatekeeper, request, product, record.protocolId);
  return { record, product };
}
