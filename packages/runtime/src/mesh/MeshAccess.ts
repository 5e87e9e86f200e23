import type { ResultDocument } from '@plexus/spec';
import type { MeshCohortCount } from '../plugins/PluginMesh.ts';

/**
 * Another product as a plugin named it. No node: this node when it serves the product, else wherever
 * the mesh's catalog says; a node: that node (this node when it is this node's id).
 */
export interface ProductTarget {
  product: string;
  node?: string;
}

export interface MeshRunRequest {
  target: ProductTarget;
  protocol: string;
  params: Record<string, unknown>;
  /** Already capped by what is left of the calling run's time. */
  timeoutMs: number;
  /** Aborted when the calling run ends (cancelled, timed out, finished without waiting). */
  signal: AbortSignal;
}

export interface MeshCountRequest {
  target: ProductTarget;
  cohort: unknown;
  timeoutMs: number;
  signal: AbortSignal;
}

/** A run of another product: its result document and the node that ran it (null: this node). */
export interface MeshRunAnswer {
  node: string | null;
  result: ResultDocument;
}

/**
 * What answers a plugin's `ctx.mesh` on the host side. The node gives every run one bound to the
 * run's caller (whose grants the other products apply) and trace; without a node (the CLI, tests), the
 * products opened together answer each other. Failures are `MeshRequestError`s.
 */
export interface MeshAccess {
  run(request: MeshRunRequest): Promise<MeshRunAnswer>;
  cohortCount(request: MeshCountRequest): Promise<MeshCohortCount>;
}
