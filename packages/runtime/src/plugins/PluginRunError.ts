import type { MeshRequestErrorCode } from './PluginMesh.ts';

/** Why a plugin run failed; a mesh request's code when the plugin let its failure through. */
export type PluginFailureCode =
  | 'PLUGIN_FAILED'
  | 'PLUGIN_TIMEOUT'
  | 'PLUGIN_OUT_OF_MEMORY'
  | 'PLUGIN_CRASHED'
  | 'INVALID_RESULT'
  | 'CANCELLED'
  | 'INPUT_INVALID'
  | MeshRequestErrorCode;

/** A plugin run that did not produce a result; the run is marked failed with this code and message. */
export class PluginRunError extends Error {
  constructor(
    readonly code: PluginFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'PluginRunError';
  }
}
