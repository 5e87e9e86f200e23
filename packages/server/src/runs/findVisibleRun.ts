import type { ProductRegistry, ProductService } from '@plexus/runtime';
import { describeValue, NotFoundError } from '@plexus/spec';
import type { FastifyRequest } from 'fastify';
import type { RunRecord } from '../control/ControlStore.ts';
import { authorizeProduct } from '../gatekeeper/authorizeProduct.ts';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import type { ProductAction } from '../gatekeeper/policy/roles.ts';

/**
 * A run the caller may see, with its product: their own runs (administrators: every run), or a run made
 * without an account, whose unguessable id is its key — and only while the caller may still use the
 * product. Anything else is the 404 of a run that does not exist.
 */
export async function findVisibleRun(
  gatekeeper: Gatekeeper,
  registry: ProductRegistry,
  request: FastifyRequest,
  runId: string,
  action: ProductAction = 'see',
  at = 'runId',
): Promise<{ record: RunRecord; product: ProductService }> {
  const record = await gatekeeper.store.getRun(runId);
  const { caller } = request;
  const mine =
    record !== null && (record.userId === null || record.userId === caller.user?.id || caller.admin);
  if (!record || !mine)
    throw new NotFoundError(`There is no run ${describeValue(runId)} of yours on this node.`, [
      { at, message: 'no such run', found: runId },
    ]);
  const product = await authorizeProduct(gatekeeper, registry, request, record.productId, action);
  return { record, product };
}
