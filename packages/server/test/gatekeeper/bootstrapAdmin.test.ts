import { describe, expect, it } from 'vitest';
import { SqliteControlStore } from '../../src/control/SqliteControlStore.ts';
import { bootstrapAdmin } from '../../src/gatekeeper/bootstrapAdmin.ts';
import { identifyCaller } from '../../src/gatekeeper/identifyCaller.ts';

describe('the first node administrator', () => {
  it('is created once, with a token shown once', async () => {
    const store = await SqliteControlStore.open(':memory:');
    const first = await bootstrapAdmin(store);
    expect(first?.token).toMatch(/^tok_/);
    expect(await bootstrapAdmin(store)).toBeUndefined();
    const caller = await identifyCaller(`Bearer ${first?.token}`, { store });
    expect(caller).toMatchObject({ admin: true, scopes: ['read', 'run', 'export', 'admin'] });
    expect((await store.listUsers()).filter((user) => user.admin)).toHaveLength(1);
    await store.close();
  });

  it('takes the token a deployment sets, and never shows it', async () => {
    const store = await SqliteControlStore.open(':memory:');
    const preset = `tok_deploy12345.${'s'.repeat(40)}`;
    expect(await bootstrapAdmin(store, preset)).toBeUndefined();
    expect(await bootstrapAdmin(store, preset)).toBeUndefined();
    expect(await identifyCaller(`Bearer ${preset}`, { store })).toMatchObject({ admin: true });
    await expect(bootstrapAdmin(store, 'tok_x.short')).rejects.toThrow(/at least 32 characters/);
    await store.close();
  });
});
