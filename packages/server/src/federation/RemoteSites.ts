import type { FastifyRequest } from 'fastify';
import type { SiteAnswer } from './SiteAnswer.ts';

/** Why a remote site gave no answer, as the coordinator reports it. */
export class RemoteSiteError extends Error {
  constructor(
    readonly status: 'denied' | 'timeout' | 'error',
    message: string,
  ) {
    super(message);
    this.name = 'RemoteSiteError';
  }
}

/** How a coordinator asks another node's product for its aggregates, on behalf of the caller. */
export interface RemoteSites {
  ask(
    node: string,
    productId: string,
    protocolId: string,
    params: unknown,
    options: { request: FastifyRequest; timeoutMs: number; signal: AbortSignal },
  ): Promise<SiteAnswer>;
}
