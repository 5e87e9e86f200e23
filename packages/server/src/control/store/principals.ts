import { InputError, NotFoundError } from '@plexus/spec';
import type { Principal } from '../ControlStore.ts';
import type { SqlExecutor, SqlRow } from '../sql/SqlDriver.ts';
import { textFrom } from '../sql/values.ts';

export function principalFrom(row: SqlRow): Principal {
  return { kind: textFrom(row.principal_kind) as Principal['kind'], id: textFrom(row.principal_id) };
}

/** No foreign key can point at "a user or a group", so writes that name a principal check it here. */
export async function assertPrincipalExists(db: SqlExecutor, principal: Principal): Promise<void> {
  if (principal.kind !== 'user' && principal.kind !== 'group') {
    throw new InputError('a principal is a user or a group', [
      { at: 'principal.kind', message: 'unknown kind', found: principal.kind, allowed: ['user', 'group'] },
    ]);
  }
  const table = principal.kind === 'user' ? 'users' : 'groups';
  const [row] = await db.all(`SELECT id FROM ${table} WHERE id = ?`, [principal.id]);
  if (row === undefined) throw new NotFoundError(`no ${principal.kind} ${principal.id}`);
}
