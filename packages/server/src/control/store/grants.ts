import { InputError, NotFoundError } from '@plexus/spec';
import { type Grant, type Principal, type ProtocolRestriction, ROLES, type Role } from '../ControlStore.ts';
import { ForeignKeyViolation, type SqlExecutor, type SqlRow } from '../sql/SqlDriver.ts';
import { isoFrom, normalizeTimestamp, nowIso, textFrom } from '../sql/values.ts';
import { assertPrincipalExists, principalFrom } from './principals.ts';

const COLUMNS = 'product_id, principal_kind, principal_id, role, granted_by, granted_at';

function grantFrom(row: SqlRow): Grant {
  return {
    productId: textFrom(row.product_id),
    principal: principalFrom(row),
    role: textFrom(row.role) as Role,
    grantedBy: textFrom(row.granted_by),
    grantedAt: isoFrom(row.granted_at),
  };
}

/** Runs inside a transaction: the principal check and the write must see the same state. */
export async function grant(
  db: SqlExecutor,
  input: Omit<Grant, 'grantedAt'> & { grantedAt?: string },
): Promise<Grant> {
  if (!ROLES.includes(input.role)) {
    throw new InputError(`unknown role ${input.role}`, [
      { at: 'role', message: 'unknown role', found: input.role, allowed: ROLES },
    ]);
  }
  await assertPrincipalExists(db, input.principal);
  const grantedAt =
    input.grantedAt === undefined ? nowIso() : normalizeTimestamp(input.grantedAt, 'grantedAt');
  const rows = await db.all(
    `INSERT INTO grants (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (product_id, principal_kind, principal_id)
     DO UPDATE SET role = excluded.role, granted_by = excluded.granted_by, granted_at = excluded.granted_at
     RETURNING ${COLUMNS}`,
    [input.productId, input.principal.kind, input.principal.id, input.role, input.grantedBy, grantedAt],
  );
  return grantFrom(rows[0] as SqlRow);
}

export async function revokeGrant(
  db: SqlExecutor,
  productId: string,
  principal: Principal,
): Promise<boolean> {
  const deleted = await db.run(
    'DELETE FROM grants WHERE product_id = ? AND principal_kind = ? AND principal_id = ?',
    [productId, principal.kind, principal.id],
  );
  return deleted > 0;
}

export async function listGrantsForProduct(db: SqlExecutor, productId: string): Promise<Grant[]> {
  const rows = await db.all(
    `SELECT ${COLUMNS} FROM grants WHERE product_id = ? ORDER BY principal_kind, principal_id`,
    [productId],
  );
  return rows.map(grantFrom);
}

export async function listGrantsForPrincipal(db: SqlExecutor, principal: Principal): Promise<Grant[]> {
  const rows = await db.all(
    `SELECT ${COLUMNS} FROM grants WHERE principal_kind = ? AND principal_id = ? ORDER BY product_id`,
    [principal.kind, principal.id],
  );
  return rows.map(grantFrom);
}

/** Runs inside a transaction: the old group list goes and the new one arrives at once. */
export async function restrictProtocol(
  db: SqlExecutor,
  productId: string,
  protocolId: string,
  groupIds: string[] | null,
): Promise<void> {
  await db.run('DELETE FROM protocol_restrictions WHERE product_id = ? AND protocol_id = ?', [
    productId,
    protocolId,
  ]);
  if (groupIds === null) return;
  await db.run('INSERT INTO protocol_restrictions (product_id, protocol_id) VALUES (?, ?)', [
    productId,
    protocolId,
  ]);
  for (const groupId of new Set(groupIds)) {
    try {
      await db.run(
        'INSERT INTO protocol_restriction_groups (product_id, protocol_id, group_id) VALUES (?, ?, ?)',
        [productId, protocolId, groupId],
      );
    } catch (error) {
      if (error instanceof ForeignKeyViolation) throw new NotFoundError(`no group ${groupId}`);
      throw error;
    }
  }
}

export async function getProtocolRestriction(
  db: SqlExecutor,
  productId: string,
  protocolId: string,
): Promise<ProtocolRestriction | null> {
  const [row] = await db.all(
    'SELECT product_id FROM protocol_restrictions WHERE product_id = ? AND protocol_id = ?',
    [productId, protocolId],
  );
  if (row === undefined) return null;
  const groups = await db.all(
    'SELECT group_id FROM protocol_restriction_groups WHERE product_id = ? AND protocol_id = ? ORDER BY group_id',
    [productId, protocolId],
  );
  return { productId, protocolId, groupIds: groups.map((g) => textFrom(g.group_id)) };
}
