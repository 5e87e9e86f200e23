import { describe, expect, it } from 'vitest';
import { SqliteControlStore } from '../../src/control/SqliteControlStore.ts';
import { createServer } from '../../src/createServer.ts';
import { StoreGatekeeper } from '../../src/gatekeeper/Gatekeeper.ts';
import { createFakeRegistry, FAKE_PRODUCT_ID } from '../../src/testing/fakeRegistry.ts';

describe('request logs', () => {
  it('carry neither tokens nor the values of cohorts and parameters', async () => {
    const lines: string[] = [];
    const store = await SqliteControlStore.open(':memory:');
    const user = await store.upsertUserFromIdentity({
      subject: 'local:ada',
      issuer: null,
      name: 'Ada',
      email: null,
    });
    const { presented } = await store.createToken({
      userId: user.id,
      name: 't',
      scopes: ['read', 'run'],
      expiresAt: null,
    });
    const app = await createServer({
      registry: createFakeRegistry(),
      gatekeeper: new StoreGatekeeper(store),
      logger: { level: 'trace', stream: { write: (line: string) => lines.push(line) } },
    });
    const secret = presented.split('.')[1] ?? '';
    await app.inject({
      method: 'POST',
      url: `/api/v1/products/${FAKE_PRODUCT_ID}/cohorts/count`,
      headers: { authorization: `Bearer ${presented}` },
      payload: { cohort: { attribute: 'diagnosis', op: 'eq', value: 'PATIENT-VALUE-4711' } },
    });
    await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${presented}x` } });
    await app.close();
    await store.close();
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(2);
    expect(log).not.toContain(secret);
    expect(log).not.toContain('PATIENT-VALUE-4711');
    expect(log).not.toMatch(/authorization/i);
  });
});
