import { UnavailableError } from '@plexus/spec';

/**
 * The keys of a calling node could not be fetched (unreachable, HTTP error, not a key set). The token
 * was not judged; the caller may retry later (503).
 */
export class NodeKeysUnavailableError extends UnavailableError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message);
    if ('cause' in options) this.cause = options.cause;
  }
}
