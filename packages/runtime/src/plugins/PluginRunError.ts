export type PluginFailureCode =
  | 'PLUGIN_FAILED'
  | 'PLUGIN_TIMEOUT'
  | 'PLUGIN_OUT_OF_MEMORY'
  | 'PLUGIN_CRASHED'
  | 'INVALID_RESULT'
  | 'CANCELLED'
  | 'INPUT_INVALID';

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
