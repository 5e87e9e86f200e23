import type {
  EventsRequest,
  EventTable,
  Frame,
  FrameRequest,
  ManifestAttribute,
  ManifestEndpoint,
  ManifestModality,
  MatrixRequest,
  MatrixSlice,
  QueryResult,
} from '@plexus/engine';
import type { PluginOutput } from '@plexus/spec';
import type { PluginMesh } from './PluginMesh.ts';

/** What a plugin sees of the product it runs for. */
export interface PluginProductInfo {
  id: string;
  version: string;
  title: string;
  entity: { singular: string; plural: string };
}

/**
 * The one interface every plugin is written against, whatever host runs it. Data arrives as typed
 * columns (frames) or through read-only SQL on the snapshot; nothing else of the node is reachable.
 */
export interface PluginContext {
  /** Validated parameters with defaults applied. */
  params: Record<string, unknown>;
  product: PluginProductInfo;
  model: {
    attributes: ManifestAttribute[];
    endpoints: ManifestEndpoint[];
    modalities: ManifestModality[];
    entityCount: number;
  };
  /** Typed columns for the entities of a cohort (attributes, endpoints, features, genes, event counts). */
  frame(request: FrameRequest): Promise<Frame>;
  /** Features × entities of a matrix modality for a cohort, as one Float64Array. */
  matrix(request: MatrixRequest): Promise<MatrixSlice>;
  /** The events of a modality for a cohort, columnar. */
  events(request: EventsRequest): Promise<EventTable>;
  sql(query: string, params?: unknown[]): Promise<QueryResult>;
  /**
   * Reports how far a long computation is (0–1) and what it is doing; clients of a long run see it.
   * Cheap to call often: the host forwards at most a few updates a second.
   */
  progress(fraction: number, message?: string): void;
  /**
   * Other data products, on this node or elsewhere in the mesh: run their protocols and count their
   * cohorts for the same user, with their versions recorded in this run's provenance.
   */
  mesh: PluginMesh;
}

export type ProtocolPlugin = (context: PluginContext) => PluginOutput | Promise<PluginOutput>;
