import type { ResultDocument } from '@plexus/spec';

/**
 * Another data product, as a plugin names it: its id (`trial-registry`), found on this node or else
 * through the mesh's catalog; or `<node>/<product>` (`safety/trial-registry`), or `{ node, product }`,
 * for a product of one particular node.
 */
export type ProductRef = string | { product: string; node?: string };

export interface MeshRequestOptions {
  /**
   * Time limit of the call in milliseconds; default 30 s, and never beyond what is left of the
   * calling run's own time limit.
   */
  timeoutMs?: number;
}

/** A cohort count of another product, with the versions it was counted on. */
export interface MeshCohortCount {
  count: number;
  entity: { singular: string; plural: string };
  attrition: Array<{ step: number; criterion: string; count: number }>;
  product: { id: string; version: string };
  dataVersion: string;
  /** The node that answered; null for this node. */
  node: string | null;
}

/**
 * Calls from a plugin to other data products: on behalf of the user the run is for, checked by the
 * other product's own access rules, traced (W3C traceparent) and recorded in the run's provenance
 * with the callee's versions. A call that fails rejects with a `MeshRequestError`-shaped error:
 * `code` is one of MESH_DENIED (no grant), MESH_NOT_FOUND (no such product or protocol, or not
 * visible), MESH_INVALID (the other product refused the parameters), MESH_TIMEOUT, MESH_UNREACHABLE,
 * MESH_FAILED (the other run failed) or MESH_UNAVAILABLE (no mesh: the product is not open here and
 * this node is in no mesh).
 */
export interface PluginMesh {
  /** Runs a protocol of another product and resolves to its result document (with its provenance). */
  call(
    product: ProductRef,
    protocol: string,
    params?: Record<string, unknown>,
    options?: MeshRequestOptions,
  ): Promise<ResultDocument>;
  /** Counts a cohort of another product (a viewer's right there is enough). */
  cohortCount(product: ProductRef, cohort?: unknown, options?: MeshRequestOptions): Promise<MeshCohortCount>;
}

/** The codes a failed mesh request carries. */
export type MeshRequestErrorCode =
  | 'MESH_DENIED'
  | 'MESH_NOT_FOUND'
  | 'MESH_INVALID'
  | 'MESH_TIMEOUT'
  | 'MESH_UNREACHABLE'
  | 'MESH_FAILED'
  | 'MESH_UNAVAILABLE';

/** A mesh request that did not succeed; plugins read `code` to decide whether to go on without it. */
export class MeshRequestError extends Error {
  override readonly name = 'MeshRequestError';
  constructor(
    readonly code: MeshRequestErrorCode,
    message: string,
    /** The node the product was found on (null: this node); undefined when it was not found at all. */
    readonly node?: string | null,
  ) {
    super(message);
  }

  /**
   * Recognised by name and code rather than by class: a bundled plugin carries its own copy of this
   * class, and an error rebuilt by the host must still pass `instanceof MeshRequestError` there.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return (
      value instanceof Error &&
      value.name === 'MeshRequestError' &&
      typeof (value as { code?: unknown }).code === 'string'
    );
  }
}
