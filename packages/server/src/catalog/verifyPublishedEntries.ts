import { verifyEntry } from '@plexus/mesh';
import { type CatalogEntry, InputError, NotAllowedError, UnavailableError } from '@plexus/spec';
import type { TrustedNodeKeys } from './TrustedNodeKeys.ts';

export interface PublishedEntry {
  entry: CatalogEntry;
  jws: string;
}

/**
 * Checks what a node publishes to the catalog, all or nothing: every JWS must be an entry of that very
 * node (`node.id` its id, `node.url` its URL in this node's trust list: 403 otherwise) signed with one
 * of the keys it publishes (400 for a bad signature, a tampered or invalid entry), and no product may be
 * listed twice (400). A key unknown to the cached key set makes the node's keys be fetched once more (a
 * key rotated since), within the cooldown of `TrustedNodeKeys`.
 */
export async function verifyPublishedEntries(
  node: { id: string; url: string },
  signed: readonly string[],
  keys: TrustedNodeKeys,
): Promise<PublishedEntry[]> {
  const published: PublishedEntry[] = [];
  const seen = new Map<string, number>();
  for (const [index, jws] of signed.entries()) {
    const at = `entries/${index}`;
    // Read before verifying, for the message only: an entry of another node is refused as such.
    const claimed = claimedNodeOf(jws);
    if (claimed !== undefined && claimed !== node.id) throw notOwn(at, node.id, claimed);
    const entry = await verifiedWithKeysOf(node.id, jws, keys, at);
    if (entry.node.id !== node.id) throw notOwn(at, node.id, entry.node.id);
    if (baseOf(entry.node.url) !== baseOf(node.url)) {
      throw new NotAllowedError(
        `${at} names the node's URL as ${entry.node.url}, but node ${node.id} is at ${node.url}`,
        [{ at: `${at}/node/url`, message: 'not the URL of the publishing node', found: entry.node.url }],
      );
    }
    const first = seen.get(entry.id);
    if (first !== undefined) {
      throw new InputError(`${at} is a second entry for product ${entry.id} (first: entries/${first})`, [
        { at, message: 'one entry per product', found: entry.id },
      ]);
    }
    seen.set(entry.id, index);
    published.push({ entry, jws });
  }
  return published;
}

async function verifiedWithKeysOf(
  nodeId: string,
  jws: string,
  keys: TrustedNodeKeys,
  at: string,
): Promise<CatalogEntry> {
  const held = await keys.keysOf(nodeId);
  if (!held) throw new NotAllowedError(`node ${nodeId} is not one this catalog trusts`);
  try {
    return (await verifyEntry(jws, held)).entry;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // Perhaps a key the node rotated to since its keys were fetched: once more with a fresh set.
    const fresh = await keys.keysOf(nodeId, { fresh: true }).catch((cause: unknown) => {
      if (cause instanceof UnavailableError) return undefined;
      throw cause;
    });
    if (fresh && fresh !== held) {
      try {
        return (await verifyEntry(jws, fresh)).entry;
      } catch (again) {
        if (!(again instanceof InputError)) throw again;
        throw refused(again, at, nodeId);
      }
    }
    throw refused(error, at, nodeId);
  }
}

function refused(error: InputError, at: string, nodeId: string): InputError {
  return new InputError(
    `${at}: ${error.message} (signed entries of node ${nodeId} are checked against its published keys)`,
    error.details.length > 0
      ? error.details.map((detail) => ({
          ...detail,
          at: `${at}${detail.at?.startsWith('/') ? detail.at : ''}`,
        }))
      : [{ at, message: error.message }],
  );
}

function notOwn(at: string, nodeId: string, other: string): NotAllowedError {
  return new NotAllowedError(`${at} is an entry of node ${other}: node ${nodeId} publishes only its own`, [
    { at: `${at}/node/id`, message: 'not the publishing node', expected: nodeId, found: other },
  ]);
}

/** The `node.id` a compact JWS claims in its payload, unverified; undefined when it cannot be read. */
function claimedNodeOf(jws: string): string | undefined {
  const parts = jws.split('.');
  if (parts.length !== 3 || parts[1] === undefined) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as {
      node?: { id?: unknown };
    };
    return typeof payload?.node?.id === 'string' ? payload.node.id : undefined;
  } catch {
    return undefined;
  }
}

function baseOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return url;
  }
}
