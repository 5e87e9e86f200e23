// Opened by the conformance suite as a separate process, so that migrations really race: one process
// cannot race itself on a synchronous SQLite connection.
import { openControlStore } from '../../src/control/openControlStore.ts';

const [url, subject] = process.argv.slice(2);
if (url === undefined || subject === undefined) throw new Error('usage: openInChild.ts URL SUBJECT');
const store = await openControlStore(url);
try {
  const user = await store.upsertUserFromIdentity({ subject, issuer: null, name: subject, email: null });
  process.stdout.write(`${user.id}\n`);
} finally {
  await store.close();
}
