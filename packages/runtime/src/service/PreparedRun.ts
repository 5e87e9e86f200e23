import type { ResultDocument, RunError, RunVersions } from '@plexus/spec';

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
}

export interface ExecutedRun {
  status: 'succeeded' | 'failed' | 'cancelled';
  durationMs: number;
  result?: ResultDocument;
  error?: RunError;
}
