import { SqliteControlStore } from '../control/SqliteControlStore.ts';
import { StoreGatekeeper } from '../gatekeeper/Gatekeeper.ts';

/** Test fixture: a real gatekeeper over a private in-memory control store, with no grants yet. */
export async function testGatekeeper(): Promise<StoreGatekeeper> {
  return new StoreGatekeeper(await SqliteControlStore.open(':memory:'));
}
