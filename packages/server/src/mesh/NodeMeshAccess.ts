import { createHash } from 'node:crypto';
import {
  MAX_MESH_CALL_DEPTH,
  MESH_CALL_DEPTH_HEADER,
  type MeshAccess,
  type MeshCohortCount,
  type MeshCountRequest,
  MeshRequestError,
  type MeshRunAnswer,
  type MeshRunRequest,
  type ProductRegistry,
  type ProductService,
  type ProductTarget,
  withMeshTimeout,
} from '@plexus/runtime';
import {
  InputError,
  isPlexusError,
  NotAllowedError,
  NotFoundError,
  type ResultDocument,
  UnauthenticatedError,
} from '@plexus/spec';
import { authorizeProductFor, authorizeProtocolFor } from '../gatekeeper/authorizeProduct.ts';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import type { IdentifiedCaller } from '../gatekeeper/identifyCaller.ts';
import type { ProductAction } from '../gatekeeper/policy/roles.ts';
import type { RunManager } from '../runs/RunManager.ts';
import { MeshCallError } from './MeshCallError.ts';
import type { ServerMesh } from './NodeMesh.ts';

/** Finds the nodes of the mesh that serve a product, by the catalog. */
export type FindOnCatalog = (productId: string) => Promise<string[]>;

export interface NodeMeshAccessOptions {
  registry: ProductRegistry;
  gatekeeper: Gatekeeper;
  runs: RunManager;
  /** The node's mesh, or null: then only this node's products can be asked. */
  mesh: ServerMesh | null;
  findOnCatalog?: FindOnCatalog;
}

/** The run a plugin's calls are made from: whose they are, which trace, how deep in a chain. */
export interface CallingRun {
  caller: IdentifiedCaller;
  /** The incoming request's W3C traceparent: calls continue its trace. */
  traceparent?: string;
  requestId: string;
  /** 0 for a run a user asked for; one more for each product that asked another on the way. */
  depth: number;
}

/**
 * Answers a plugin's ctx.mesh on a node, for the run's caller: a product of this node runs here as a
 * run of the same user, after the same access checks as a request of theirs (and is audited); a product
 * of another node is asked over the mesh with a node token naming the user, so that node applies its
 * own grants. Calls carry the run's trace and how deep the chain is, which is cut at a fixed depth.
 */
export class NodeMeshAccess implements MeshAccess {
  constructor(
    private readonly node: NodeMeshAccessOptions,
    private readonly calling: CallingRun,
  ) {}

  async run(request: MeshRunRequest): Promise<MeshRunAnswer> {
    const where = await this.locate(request.target);
    try {
      if (where.node === null) return { node: null, result: await this.runHere(where.product, request) };
      return { node: where.node, result: await this.runThere(where.node, request) };
    } catch (error) {
      throw onNode(error, where.node);
    }
  }

  async cohortCount(request: MeshCountRequest): Promise<MeshCohortCount> {
    const where = await this.locate(request.target);
    try {
      if (where.node === null) return await this.countHere(where.product, request);
      return await this.countThere(where.node, request);
    } catch (error) {
      throw onNode(error, where.node);
    }
  }

  /** This node, when it serves the product for this caller; else the node named or found in the catalog. */
  private async locate(target: ProductTarget): Promise<{ product: string; node: string | null }> {
    if (this.calling.depth >= MAX_MESH_CALL_DEPTH)
      throw new MeshRequestError(
        'MESH_DENIED',
        `calls between products nest more than ${MAX_MESH_CALL_DEPTH} deep (is there a cycle?); ${target.product} was not asked`,
      );
    const thisNode = this.node.mesh?.nodeId;
    if (target.node !== undefined && target.node !== thisNode) {
      if (!this.node.mesh)
        throw new MeshRequestError(
          'MESH_UNAVAILABLE',
          `${target.node}/${target.product} cannot be asked: this node is in no mesh`,
        );
      if (!this.node.mesh.client.nodes.includes(target.node))
        throw new MeshRequestError(
          'MESH_NOT_FOUND',
          `node ${target.node} is not in this node's mesh configuration (it knows: ${this.node.mesh.client.nodes.join(', ') || 'none'})`,
        );
      return { product: target.product, node: target.node };
    }
    if (target.node !== undefined || this.node.registry.get(target.product))
      return { product: target.product, node: null };
    const nodes = this.node.mesh
      ? (await this.catalogNodes(target.product)).filter((node) => node !== thisNode)
      : [];
    if (nodes.length === 1 && nodes[0] !== undefined) return { product: target.product, node: nodes[0] };
    if (nodes.length > 1)
      throw new MeshRequestError(
        'MESH_NOT_FOUND',
        `${target.product} is served by several nodes (${nodes.join(', ')}): name one, as '<node>/${target.product}'`,
      );
    throw new MeshRequestError(
      'MESH_NOT_FOUND',
      `there is no product ${target.product} on this node${this.node.mesh ? ' nor in the mesh catalog' : ''}`,
    );
  }

  private async catalogNodes(productId: string): Promise<string[]> {
    if (!this.node.findOnCatalog) return [];
    try {
      return await this.node.findOnCatalog(productId);
    } catch (error) {
      throw new MeshRequestError(
        'MESH_UNREACHABLE',
        `the mesh catalog could not be asked where ${productId} is: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private async authorized(productId: string, action: ProductAction): Promise<ProductService> {
    try {
      return await authorizeProductFor(
        this.node.gatekeeper,
        this.node.registry,
        this.calling.caller,
        productId,
        action,
      );
    } catch (error) {
      throw meshErrorOf(error, productId);
    }
  }

  private async runHere(productId: string, request: MeshRunRequest): Promise<ResultDocument> {
    const product = await this.authorized(productId, 'run');
    const what = `${productId}'s protocol ${request.protocol}`;
    const { runs } = this.node;
    let outcome = 'failed';
    try {
      await authorizeProtocolFor(this.node.gatekeeper, this.calling.caller, product, request.protocol);
      const prepared = await product.prepare(request.protocol, request.params);
      const started = await runs.start({
        userId: this.calling.caller.user?.id ?? null,
        product,
        prepared,
        servedAs: productId,
        mesh: new NodeMeshAccess(this.node, { ...this.calling, depth: this.calling.depth + 1 }),
      });
      const cancel = () => void runs.cancel(started.id);
      request.signal.addEventListener('abort', cancel, { once: true });
      const record = await runs
        .wait(started, request.timeoutMs)
        .finally(() => request.signal.removeEventListener('abort', cancel));
      if (record.status === 'running') {
        await runs.cancel(record.id);
        outcome = 'timeout';
        throw new MeshRequestError(
          'MESH_TIMEOUT',
          `${what} did not answer within ${request.timeoutMs / 1000} s`,
        );
      }
      const bytes = record.status === 'succeeded' ? await runs.resultBytesOf(record) : null;
      if (bytes === null)
        throw new MeshRequestError(
          'MESH_FAILED',
          `${what} failed: ${record.error?.message ?? 'no result'} (${record.error?.code ?? record.status})`,
        );
      outcome = 'allowed';
      return JSON.parse(bytes) as ResultDocument;
    } catch (error) {
      if (error instanceof NotAllowedError || error instanceof NotFoundError) outcome = 'denied';
      throw meshErrorOf(error, productId, what);
    } finally {
      await this.audit('mesh.runProtocol', product, request.protocol, request.params, outcome);
    }
  }

  private async countHere(productId: string, request: MeshCountRequest): Promise<MeshCohortCount> {
    const product = await this.authorized(productId, 'count');
    let outcome = 'failed';
    try {
      const counted = await withMeshTimeout(
        product.countCohort(request.cohort ?? {}),
        request.timeoutMs,
        request.signal,
        `the cohort count of ${productId}`,
      );
      outcome = 'allowed';
      return { ...counted, node: null };
    } catch (error) {
      throw meshErrorOf(error, productId, `the cohort count of ${productId}`);
    } finally {
      await this.audit('mesh.countCohort', product, null, { cohort: request.cohort ?? {} }, outcome);
    }
  }

  private async runThere(node: string, request: MeshRunRequest): Promise<ResultDocument> {
    const path = `/api/v1/products/${encodeURIComponent(request.target.product)}/protocols/${encodeURIComponent(request.protocol)}/runs`;
    const { body, status } = await this.callThere<{ run?: RemoteRun }>(
      node,
      path,
      { params: request.params },
      request,
    );
    const run = body?.run;
    if (status === 202) {
      if (run?.id) void this.cancelThere(node, run.id);
      throw new MeshRequestError(
        'MESH_TIMEOUT',
        `${node}/${request.target.product}'s protocol ${request.protocol} did not answer within ${request.timeoutMs / 1000} s`,
      );
    }
    if (run?.status === 'succeeded' && run.result) return run.result;
    throw new MeshRequestError(
      'MESH_FAILED',
      `${node}/${request.target.product}'s protocol ${request.protocol} failed: ${run?.error?.message ?? 'no result'} (${run?.error?.code ?? run?.status ?? 'unknown'})`,
    );
  }

  private async countThere(node: string, request: MeshCountRequest): Promise<MeshCohortCount> {
    const path = `/api/v1/products/${encodeURIComponent(request.target.product)}/cohorts/count`;
    const { body } = await this.callThere<Omit<MeshCohortCount, 'node'>>(
      node,
      path,
      { cohort: request.cohort ?? {} },
      request,
    );
    if (!body || typeof body.count !== 'number' || !body.product || typeof body.dataVersion !== 'string')
      throw new MeshRequestError(
        'MESH_FAILED',
        `node ${node} answered the cohort count of ${request.target.product} without its count and versions`,
      );
    return { ...body, node };
  }

  private async callThere<T>(
    node: string,
    path: string,
    body: unknown,
    request: { target: ProductTarget; timeoutMs: number; signal: AbortSignal },
  ): Promise<{ body: T | undefined; status: number }> {
    const mesh = this.node.mesh;
    if (!mesh) throw new MeshRequestError('MESH_UNAVAILABLE', 'this node is in no mesh');
    try {
      const user = await mesh.userOf(this.calling.caller);
      const scopes = this.calling.caller.scopes;
      const answer = await mesh.client.call<T>(node, 'POST', path, body, {
        user,
        ...(scopes ? { scopes } : {}),
        ...(this.calling.traceparent ? { traceparent: this.calling.traceparent } : {}),
        timeoutMs: request.timeoutMs,
        signal: request.signal,
        headers: {
          // The callee waits for its run as long as this call may last, then answers 202.
          prefer: `wait=${Math.max(1, Math.floor(request.timeoutMs / 1000))}`,
          [MESH_CALL_DEPTH_HEADER]: String(this.calling.depth + 1),
        },
      });
      return { body: answer.body, status: answer.status };
    } catch (error) {
      throw meshErrorOf(error, `${node}/${request.target.product}`);
    }
  }

  /** Best effort: a run the caller gave up on should not keep the other node busy. */
  private async cancelThere(node: string, runId: string): Promise<void> {
    const mesh = this.node.mesh;
    if (!mesh) return;
    await mesh.client
      .call(node, 'POST', `/api/v1/runs/${encodeURIComponent(runId)}/cancel`, undefined, {
        user: await mesh.userOf(this.calling.caller),
        timeoutMs: 5_000,
      })
      .catch(() => undefined);
  }

  /** A call to a product of this node is recorded like a request of the user's to it. */
  private async audit(
    action: string,
    product: ProductService,
    protocolId: string | null,
    params: unknown,
    outcome: string,
  ): Promise<void> {
    const { caller } = this.calling;
    await this.node.gatekeeper.store
      .appendAudit({
        at: new Date().toISOString(),
        userId: caller.userId ?? null,
        tokenId: caller.node ? `node:${caller.node.id}` : caller.tokenId,
        action,
        productId: product.id,
        dataVersion: product.versions.dataVersion,
        protocolId,
        paramsHash: createHash('sha256')
          .update(JSON.stringify(params ?? null))
          .digest('hex'),
        outcome: outcome === 'allowed' ? 'allowed' : outcome === 'denied' ? 'denied' : 'failed',
        status: outcome === 'allowed' ? 200 : outcome === 'denied' ? 403 : outcome === 'timeout' ? 504 : 500,
        requestId: this.calling.requestId,
      })
      .catch(() => undefined);
  }
}

interface RemoteRun {
  id?: string;
  status?: string;
  result?: ResultDocument;
  error?: { code?: string; message?: string };
}

/** A failed request, with the node it went to. */
function onNode(error: unknown, node: string | null): unknown {
  return error instanceof MeshRequestError && error.node === undefined
    ? new MeshRequestError(error.code, error.message, node)
    : error;
}

/** Any failure of a call as the MeshRequestError the plugin sees. */
function meshErrorOf(error: unknown, product: string, what = product): Error {
  if (error instanceof MeshRequestError) return error;
  if (error instanceof MeshCallError) {
    const code =
      error.kind === 'timeout'
        ? 'MESH_TIMEOUT'
        : error.kind === 'unreachable'
          ? 'MESH_UNREACHABLE'
          : error.kind === 'refused'
            ? 'MESH_DENIED'
            : error.kind === 'not-found'
              ? 'MESH_NOT_FOUND'
              : error.status === 400
                ? 'MESH_INVALID'
                : 'MESH_FAILED';
    return new MeshRequestError(code, error.message);
  }
  if (error instanceof UnauthenticatedError || error instanceof NotAllowedError)
    return new MeshRequestError('MESH_DENIED', `${what}: ${error.message}`);
  if (error instanceof NotFoundError) return new MeshRequestError('MESH_NOT_FOUND', error.message);
  if (error instanceof InputError)
    return new MeshRequestError('MESH_INVALID', `${what} refused the request: ${error.message}`);
  if (isPlexusError(error)) return new MeshRequestError('MESH_FAILED', `${what}: ${error.message}`);
  return error instanceof Error ? error : new Error(String(error));
}
