/** The `apiVersion` every Plexus document carries; bumped only on a breaking change of a document format. */
export const API_VERSION = 'plexus.dev/v1';
