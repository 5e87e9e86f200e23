import { InputError, isPlexusError, NotFoundError } from '@plexus/spec';
import type { MeshCohortCount } from '../plugins/PluginMesh.ts';
import { MeshRequestError } from '../plugins/PluginMesh.ts';
import type { ProductService } from '../service/ProductService.ts';
import type { MeshAccess, MeshCountRequest, MeshRunAnswer, MeshRunRequest } from './MeshAccess.ts';
import { MAX_MESH_CALL_DEPTH } from './meshCallDepth.ts';
import { withMeshTimeout } from './withMeshTimeout.ts';

/** Finds a product opened beside the calling one (or opens it on demand), or undefined. */
export type FindLocalProduct = (productId: string) => Promise<ProductService | undefined>;

/**
 * The mesh of products opened together without a node — `plexus run`, `plexus test`, library use: they
 * answer each other directly, with no access control (whoever runs the CLI reads the folders anyway).
 * A node replaces it with an access bound to the run's caller. Nested calls go one level deeper.
 */
export class LocalMeshAccess implements MeshAccess {
  constructor(
    private readonly find: FindLocalProduct,
    private readonly depth = 0,
  ) {}

  async run(request: MeshRunRequest): Promise<MeshRunAnswer> {
    const product = await this.product(request.target);
    const what = `${product.id}'s protocol ${request.protocol}`;
    let prepared: Awaited<ReturnType<ProductService['prepare']>>;
    try {
      prepared = await product.prepare(request.protocol, request.params);
    } catch (error) {
      throw refusal(error, what);
    }
    const timeout = AbortSignal.timeout(request.timeoutMs);
    const executed = await product.execute(prepared, {
      signal: AbortSignal.any([request.signal, timeout]),
      mesh: new LocalMeshAccess(this.find, this.depth + 1),
    });
    if (executed.status === 'succeeded' && executed.result) return { node: null, result: executed.result };
    if (timeout.aborted)
      throw new MeshRequestError(
        'MESH_TIMEOUT',
        `${what} did not answer within ${request.timeoutMs / 1000} s`,
      );
    throw new MeshRequestError(
      'MESH_FAILED',
      `${what} failed: ${executed.error?.message ?? 'no reason given'} (${executed.error?.code ?? executed.status})`,
    );
  }

  async cohortCount(request: MeshCountRequest): Promise<MeshCohortCount> {
    const product = await this.product(request.target);
    const what = `the cohort count of ${product.id}`;
    try {
      const counted = await withMeshTimeout(
        product.countCohort(request.cohort ?? {}),
        request.timeoutMs,
        request.signal,
        what,
      );
      return { ...counted, node: null };
    } catch (error) {
      throw refusal(error, what);
    }
  }

  private async product(target: MeshRunRequest['target']): Promise<ProductService> {
    if (target.node !== undefined)
      throw new MeshRequestError(
        'MESH_UNAVAILABLE',
        `${target.node}/${target.product} cannot be asked: this run is not on a node of a mesh (name the product without a node to use one opened here)`,
      );
    if (this.depth >= MAX_MESH_CALL_DEPTH)
      throw new MeshRequestError(
        'MESH_DENIED',
        `calls between products nest more than ${MAX_MESH_CALL_DEPTH} deep (is there a cycle?); ${target.product} was not asked`,
      );
    const product = await this.find(target.product);
    if (!product)
      throw new MeshRequestError(
        'MESH_NOT_FOUND',
        `there is no product ${target.product} here: open it beside this one (a sibling product folder, or plexus run --with <folder>)`,
      );
    return product;
  }
}

/** A callee's refusal (bad parameters, unknown protocol) as the plugin sees it. */
function refusal(error: unknown, what: string): Error {
  if (error instanceof MeshRequestError) return error;
  if (error instanceof InputError)
    return new MeshRequestError('MESH_INVALID', `${what} refused the request: ${error.message}`);
  if (error instanceof NotFoundError) return new MeshRequestError('MESH_NOT_FOUND', error.message);
  if (isPlexusError(error)) return new MeshRequestError('MESH_FAILED', `${what}: ${error.message}`);
  return error instanceof Error ? error : new Error(String(error));
}
