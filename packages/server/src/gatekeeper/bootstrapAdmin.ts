import type { ControlStore } from '../control/ControlStore.ts';
import { parsePresentedToken } from '../control/tokens.ts';

const ADMIN_SUBJECT = 'local:admin';

/**
 * The embedded default has no default password. Without a preset token, the first start creates a
 * local administrator and one API token for it, returned to be shown once; later starts return
 * nothing. With a preset token (PLEXUS_ADMIN_TOKEN, for scripted deployments) the administrator gets
 * exactly that token, and nothing is shown.
 */
export async function bootstrapAdmin(
  store: ControlStore,
  preset?: string,
): Promise<{ token: string } | undefined> {
  const users = await store.listUsers();
  const existing = users.find((user) => user.admin);
  if (existing && preset === undefined) return undefined;
  const admin =
    existing ??
    (await store.upsertUserFromIdentity({
      subject: ADMIN_SUBJECT,
      issuer: null,
      name: 'Node administrator',
      email: null,
    }));
  if (!admin.admin) await store.setAdmin(admin.id, true);
  const scopes = ['read', 'run', 'export', 'admin'] as const;
  if (preset !== undefined) {
    const id = parsePresentedToken(preset)?.id;
    if (id !== undefined && (await store.findToken(id))) return undefined;
    await store.createToken({
      userId: admin.id,
      name: 'preset',
      scopes: [...scopes],
      expiresAt: null,
      presented: preset,
    });
    return undefined;
  }
  const created = await store.createToken({
    userId: admin.id,
    name: 'bootstrap',
    scopes: [...scopes],
    expiresAt: null,
  });
  return { token: created.presented };
}
