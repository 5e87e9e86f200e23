import type { ControlStore, Gatekeeper } from '@plexus/server';

type IdentifiedCaller = Awaited<ReturnType<Gatekeeper['identify']>>;
type AccessDecision = Awaited<ReturnType<Gatekeeper['decide']>>;

const EVERYONE: IdentifiedCaller = Object.freeze({
  via: 'anonymous',
  user: null,
  tokenId: null,
  groupIds: [],
  admin: false,
});
const ALLOW: AccessDecision = Object.freeze({ outcome: 'allow', role: 'public' });

/**
 * The baseline: a node with access control switched off. Every caller is anonymous and every decision
 * is allow, without a look at the store. The store is still there because the audit hook writes every
 * product request into it, exactly as with the real gatekeeper.
 */
export class OpenGatekeeper implements Gatekeeper {
  constructor(readonly store: ControlStore) {}

  identify(): Promise<IdentifiedCaller> {
    return Promise.resolve(EVERYONE);
  }

  decide(): Promise<AccessDecision> {
    return Promise.resolve(ALLOW);
  }
}
