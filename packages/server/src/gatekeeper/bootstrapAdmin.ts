import type { ControlStore } from '../control/ControlStore.ts';

/**
 * The embedded default has no default password: the first start creates a local administrator and one
 * API token for it, returned to be shown once. Later starts find the administrator and return nothing.
 */
export async function bootstrapAdmin(store: ControlStore): Promise<{ token: string } | undefined> {
  const users = await store.listUsers();
  if (users.some((user) => user.admin)) return undefined;
  const admin = await store.upsertUserFromIdentity({
    subject: 'local:admin',
    issuer: null,
    name: 'Node administrator',
    email: null,
  });
  await store.setAdmin(admin.id, true);
  const created = await store.createToken({
    userId: admin.id,
    name: 'bootstrap',
    scopes: ['read', 'run', 'export', 'admin'],
    expiresAt: null,
  });
  return { token: created.presented };
}
