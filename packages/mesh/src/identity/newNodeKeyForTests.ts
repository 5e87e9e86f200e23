import { exportPKCS8, generateKeyPair } from 'jose';
import { type NodeKey, nodeKeyFromPrivatePem } from './NodeKey.ts';

/** A fresh node key held in memory only, for tests. */
export async function newNodeKeyForTests(): Promise<NodeKey> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return nodeKeyFromPrivatePem(await exportPKCS8(privateKey));
}
