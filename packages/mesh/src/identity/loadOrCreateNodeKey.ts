import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportPKCS8, generateKeyPair } from 'jose';
import { NODE_KEY_ALGORITHM, type NodeKey, nodeKeyFromPrivatePem } from './NodeKey.ts';

/** File names of the node's keys inside its data folder. */
export const NODE_KEY_FILE = 'node-key.pem';
export const PREVIOUS_NODE_KEY_FILE = 'node-key.previous.pem';

/** The keys of a node: the one it signs with and, after a rotation, the one it signed with before. */
export interface NodeKeyStore {
  current: NodeKey;
  /** Still published in the JWKS until every token it signed has expired (a minute is enough). */
  previous?: NodeKey;
}

/**
 * The node's keys from its data folder `dir`: the Ed25519 key in `node-key.pem` (PKCS8 PEM, mode
 * 0600), generated on first start and reloaded on every start after, and the previous key of a
 * rotation in `node-key.previous.pem` if present. A key file readable by group or others is refused:
 * whoever reads it can act as this node towards the whole mesh.
 */
export async function loadOrCreateNodeKey(dir: string): Promise<NodeKeyStore> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, NODE_KEY_FILE);
  let current = await readKeyFile(path);
  if (!current) {
    await writeKeyFileOnce(path, await newPrivateKeyPem());
    // Another process may have won the race: whichever key landed in the file is the node's.
    current = await readKeyFile(path);
    if (!current) throw new Error(`could not create the node key ${NODE_KEY_FILE}`);
  }
  const previous = await readKeyFile(join(dir, PREVIOUS_NODE_KEY_FILE));
  return previous && previous.kid !== current.kid ? { current, previous } : { current };
}

/**
 * Rotates the node key: the current key becomes the previous one (still published, so tokens already
 * in flight verify) and a new key is generated. The key before the previous one is dropped. Call
 * `dropPreviousNodeKey` once the previous key's tokens have expired, or leave it until the next rotation.
 */
export async function rotateNodeKey(dir: string): Promise<NodeKeyStore> {
  const { current } = await loadOrCreateNodeKey(dir);
  const path = join(dir, NODE_KEY_FILE);
  const previousPath = join(dir, PREVIOUS_NODE_KEY_FILE);
  const currentPem = await readFile(path, 'utf8');
  await writeKeyFileReplacing(previousPath, currentPem);
  await writeKeyFileReplacing(path, await newPrivateKeyPem());
  const next = await readKeyFile(path);
  if (!next) throw new Error(`could not write the node key ${NODE_KEY_FILE}`);
  return { current: next, previous: current };
}

/** Stops publishing the previous key of a rotation. */
export async function dropPreviousNodeKey(dir: string): Promise<void> {
  await unlink(join(dir, PREVIOUS_NODE_KEY_FILE)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

async function newPrivateKeyPem(): Promise<string> {
  const { privateKey } = await generateKeyPair(NODE_KEY_ALGORITHM, { crv: 'Ed25519', extractable: true });
  return exportPKCS8(privateKey);
}

async function readKeyFile(path: string): Promise<NodeKey | undefined> {
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if ((mode & 0o077) !== 0) {
    throw new Error(
      `the node key ${path} is readable by other users (mode ${(mode & 0o777).toString(8)}); run chmod 600 on it`,
    );
  }
  try {
    return await nodeKeyFromPrivatePem(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`the node key ${path} is not an Ed25519 private key in PKCS8 PEM`, { cause: error });
  }
}

/** Writes a new file in full under a temporary name, then links it into place unless one exists. */
async function writeKeyFileOnce(path: string, pem: string): Promise<void> {
  const temporary = await writeTemporary(path, pem);
  try {
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary);
  }
}

async function writeKeyFileReplacing(path: string, pem: string): Promise<void> {
  await rename(await writeTemporary(path, pem), path);
}

async function writeTemporary(path: string, pem: string): Promise<string> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, pem, { mode: 0o600, flag: 'wx' });
  // The mode given to open is masked by the umask; set it explicitly.
  await chmod(temporary, 0o600);
  return temporary;
}
