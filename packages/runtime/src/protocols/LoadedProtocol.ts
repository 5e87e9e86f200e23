import type { Protocol } from '@plexus/spec';

/** A protocol file that passed validation, with its plugin located and fingerprinted. */
export interface LoadedProtocol {
  definition: Protocol;
  /** Protocol file, relative to the product folder. */
  file: string;
  /** Absolute path of the plugin module. */
  modulePath: string;
  /** sha256 over the plugin module and the product modules it imports, recorded in every result's provenance. */
  pluginSha256: string;
}
