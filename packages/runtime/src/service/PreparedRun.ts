import type { ResultDocument, RunError, RunVersions } from '@plexus/spec';
import type { MeshAccess } from '../mesh/MeshAccess.ts';

/** A checked run request: what will run, on which versions, with which resolved parameters. */
export interface PreparedRun {
  productId: string;
  protocolId: string;
  protocolVersion: string;
  pluginSha256: string;
  versions: RunVersions;
  /** Parameters after defaults were applied and names (features) resolved. */
  params: Record<string, unknown>;
  /** sha256 over everything above: equal keys mean the same result. */
  requestKey: string;
}

export interface ExecuteOptions {
  /** Aborting cancels the run: the plugin is stopped and the run ends as cancelled. */
  signal?: AbortSignal;
  onProgress?: (fraction: number, message?: string) => void;
  /**
   * Answers the plugin's calls to other products (ctx.mesh), for the run's caller. Default: the
   * products opened together with this one answer, without access control (CLI and library use).
   */
  mesh?: MeshAccess;
}

export interface ExecutedRun {
  status: 'succeeded' | 'failed' | 'cancelled';
  durationMs: number;
  result?: ResultDocument;
  error?: RunError;
}
