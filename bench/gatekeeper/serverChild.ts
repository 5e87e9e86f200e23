// One server process of the benchmark: `node --import tsx serverChild.ts <variant> <dir> <profile 0|1>`,
// started with an IPC channel. It sets up its store, listens on a free loopback port, says `ready` with
// the Authorization header to send, and on `stop` closes everything and reports what it measured.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  type ControlStore,
  createServer,
  type Gatekeeper,
  openControlStore,
  StoreGatekeeper,
} from '@plexus/server';
import { createFakeRegistry, FAKE_PRODUCT_ID } from '../../packages/server/src/testing/fakeRegistry.ts';
import { OpenGatekeeper } from './openGatekeeper.ts';
import { profiledStore } from './profiledStore.ts';
import {
  type ChildMessage,
  NODE_CACHE_MS,
  type ParentMessage,
  POSTGRES_URL_ENV,
  type StoreProfile,
  type Variant,
} from './variants.ts';

const [variantArg, dir, profileArg] = process.argv.slice(2);
const variant = variantArg as Variant;
if (dir === undefined || !process.send)
  throw new Error('usage: serverChild.ts <variant> <dir> <0|1>, with IPC');
const send = (message: ChildMessage) => process.send?.(message);

function storeUrl(): string {
  if (variant !== 'gated-postgres')
    return `sqlite:${join(dir as string, `${variant}-${randomUUID()}.sqlite`)}`;
  const url = process.env[POSTGRES_URL_ENV];
  if (!url) throw new Error(`${POSTGRES_URL_ENV} is not set`);
  return url;
}

interface Fixture {
  authorization: string;
  cleanUp: () => Promise<void>;
}

/** A user with a personal API token and a viewer grant on the product, made private. */
async function viewerOnPrivateProduct(store: ControlStore): Promise<Fixture> {
  const user = await store.upsertUserFromIdentity({
    subject: `local:bench-${randomUUID()}`,
    issuer: null,
    name: 'Benchmark viewer',
    email: null,
  });
  await store.setProductAccess({ productId: FAKE_PRODUCT_ID, visibility: 'private', owners: [] });
  const principal = { kind: 'user' as const, id: user.id };
  await store.grant({ productId: FAKE_PRODUCT_ID, principal, role: 'viewer', grantedBy: user.id });
  const { token, presented } = await store.createToken({
    userId: user.id,
    name: 'bench',
    scopes: ['read'],
    expiresAt: null,
  });
  return {
    authorization: `Bearer ${presented}`,
    // A shared PostgreSQL database keeps no live grant or token of a finished run.
    cleanUp: async () => {
      await store.revokeGrant(FAKE_PRODUCT_ID, principal);
      await store.revokeToken(token.id);
    },
  };
}

const profile: StoreProfile | null = profileArg === '1' ? {} : null;
const raw = await openControlStore(storeUrl());
const skip = new Set(variant === 'gated-sqlite-no-touch' ? ['touchToken'] : []);
const store = profiledStore(raw, profile, skip);
const fixture = variant === 'open' ? null : await viewerOnPrivateProduct(raw);
const gatekeeper: Gatekeeper =
  variant === 'open'
    ? new OpenGatekeeper(store)
    : new StoreGatekeeper(store, {
        cacheMs:
          variant === 'gated-sqlite-uncached' || variant === 'gated-sqlite-no-touch' ? 0 : NODE_CACHE_MS,
      });
const registry = createFakeRegistry();
const app = await createServer({ registry, gatekeeper, rateLimit: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('no TCP address');
let cpuAtMark = process.cpuUsage();
send({
  kind: 'ready',
  port: address.port,
  authorization: fixture?.authorization ?? null,
  productId: FAKE_PRODUCT_ID,
});

process.on('message', async (message: ParentMessage) => {
  if (message.kind === 'mark') {
    // The measured window starts: store calls and CPU of the warm-up are not counted.
    for (const key of Object.keys(profile ?? {})) delete profile?.[key];
    cpuAtMark = process.cpuUsage();
    send({ kind: 'marked' });
    return;
  }
  const cpu = process.cpuUsage(cpuAtMark);
  await app.close();
  await fixture?.cleanUp();
  await raw.close();
  await registry.close();
  send({ kind: 'stopped', profile, cpuMs: (cpu.user + cpu.system) / 1000 });
  process.disconnect();
});
