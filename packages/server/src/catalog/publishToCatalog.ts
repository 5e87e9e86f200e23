import { type CatalogStore, LOCAL_USER_ISSUER, type NodeTokenUser, signEntry } from '@plexus/mesh';
import { type ProductRegistry, sha256Hex } from '@plexus/runtime';
import type { CatalogEntry } from '@plexus/spec';
import type { FastifyInstance } from 'fastify';
import type { ControlStore } from '../control/ControlStore.ts';
import { catalogEntriesOf } from './catalogEntriesOf.ts';
import { DEFAULT_HEARTBEAT_INTERVAL_MS } from './catalogRoutes.ts';
import { entriesOfNode } from './entriesOfNode.ts';

export interface CatalogPublishingOptions {
  /** How often the node sends a heartbeat (and republishes when its entries changed); default 30 s. */
  intervalMs?: number;
  /** Time limit of each call to the catalog; default 10 s. */
  timeoutMs?: number;
  /** This node is the catalog: its own entries go straight into its store, not over HTTP. */
  local?: CatalogStore;
}

export interface CatalogPublisher {
  /** The catalog's URL (the mesh configuration's `catalog`). */
  readonly catalog: string;
  /**
   * One round: publishes the node's entries when they changed since its last publication (or the
   * catalog holds another number of them), else sends a heartbeat. Never throws: failures are logged
   * and the next round tries again. Rounds never overlap.
   */
  tick(): Promise<void>;
  /** Stops the timer; a round under way finishes. */
  stop(): void;
}

/** Whom the node's own calls to the catalog are made for: the node itself, as a local account. */
const PUBLISHER: NodeTokenUser = {
  subject: 'plexus:catalog-publisher',
  issuer: LOCAL_USER_ISSUER,
  name: 'Catalog publisher',
  groups: [],
};

/**
 * Publishes this node's public products to the mesh catalog named by its mesh configuration
 * (`catalog:`): the signed entries at the first round, then a heartbeat every interval, republishing
 * the full list whenever it changed (a deployment, a product made public or private). Calls go through
 * `app.mesh.client` with node tokens, so the catalog must be one of the configuration's `trust.nodes`.
 * The first round runs when the server starts listening; the timer stops when it closes. Null for a
 * node in no mesh or a mesh without a catalog.
 */
export function publishToCatalog(
  app: FastifyInstance,
  registry: ProductRegistry,
  store: ControlStore,
  options: CatalogPublishingOptions = {},
): CatalogPublisher | null {
  const mesh = app.mesh;
  const catalog = options.local ? 'this node' : mesh?.config.catalog;
  if (!mesh || catalog === undefined) return null;
  const intervalMs = options.intervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS;
  if (!(intervalMs > 0)) throw new RangeError('the catalog heartbeat interval must be positive');
  const callOptions = { user: PUBLISHER, timeoutMs: options.timeoutMs ?? 10_000 };
  const node = { id: mesh.nodeId, url: mesh.config.node.url };
  const log = app.log.child({ catalog });

  let published: { hash: string; count: number } | undefined;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let failing = false;

  const publish = async (entries: CatalogEntry[], hash: string) => {
    const signed = await Promise.all(
      entries.map((entry) => signEntry(entry, mesh.keys.current.privateKey, mesh.keys.current.kid)),
    );
    if (options.local) {
      const store = options.local;
      const kept = new Set(entries.map((entry) => entry.id));
      const removed = entriesOfNode(store, node.id).filter((id) => !kept.has(id));
      for (const id of removed) store.remove(node.id, id);
      for (const [index, entry] of entries.entries()) store.publish(entry, signed[index]);
      published = { hash, count: entries.length };
      return;
    }
    const { body } = await mesh.client.call<{ published: number; removed: number }>(
      catalog,
      'POST',
      '/api/v1/catalog/entries',
      { entries: signed },
      callOptions,
    );
    published = { hash, count: entries.length };
    log.info({ published: body.published, removed: body.removed }, 'catalog entries published');
  };

  const round = async () => {
    const entries = await catalogEntriesOf(registry, store, {
      node,
      onError: (productId, error) =>
        log.warn({ err: error, productId }, 'the catalog entry of a product cannot be built; left out'),
    });
    // publishedAt changes every round; what is published changes only with the rest.
    const hash = sha256Hex(JSON.stringify(entries.map(({ publishedAt: _at, ...rest }) => rest)));
    if (published?.hash !== hash) return publish(entries, hash);
    if (options.local) {
      options.local.heartbeat(node.id, new Date().toISOString());
      return;
    }
    const { body } = await mesh.client.call<{ entries: number }>(
      catalog,
      'POST',
      '/api/v1/catalog/heartbeat',
      undefined,
      callOptions,
    );
    // The catalog lost or holds other entries of this node (its store replaced, say): publish again.
    if (body.entries !== published.count) await publish(entries, hash);
  };

  const tick = (): Promise<void> => {
    if (running) return running;
    running = round()
      .then(() => {
        if (failing) log.info('the catalog is reachable again');
        failing = false;
        retries = 0;
      })
      .catch((error: unknown) => {
        // Logged once per outage at warn level, then quietly: the catalog is not this node's business.
        // The message says enough (an unreachable catalog is an expected state), without a stack.
        const reason = error instanceof Error ? error.message : String(error);
        if (failing) log.debug({ reason }, 'the catalog still cannot be reached');
        else log.warn({ reason }, 'publishing to the catalog failed; retrying');
        failing = true;
        retrySoon();
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  // Nodes of a mesh often start together, the catalog among them: a failed round is retried after
  // 1 s, 2 s, 4 s … (up to the interval) besides the regular rounds, so that a node is listed soon
  // after the catalog comes up rather than one full interval later.
  let retries = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  const retrySoon = () => {
    const delay = Math.min(intervalMs, 1000 * 2 ** retries);
    retries++;
    if (stopped || delay >= intervalMs) return;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void tick(), delay);
    retryTimer.unref();
  };

  const stop = () => {
    stopped = true;
    clearInterval(timer);
    clearTimeout(retryTimer);
  };

  app.addHook('onListen', async () => {
    if (stopped || timer) return;
    timer = setInterval(() => void tick(), intervalMs);
    timer.unref();
    void tick();
  });
  app.addHook('preClose', async () => stop());
  return { catalog, tick, stop };
}
