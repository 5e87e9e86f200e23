import { randomUUID } from 'node:crypto';
import { ConflictError, InputError, NotFoundError } from '@plexus/spec';
import type { Group } from '../ControlStore.ts';
import { ForeignKeyViolation, type SqlExecutor, type SqlRow, UniqueViolation } from '../sql/SqlDriver.ts';
import { booleanFrom, isoFrom, normalizeTimestamp, nowIso, textFrom } from '../sql/values.ts';

const COLUMNS = 'id, name, external, created_at';

function groupFrom(row: SqlRow): Group {
  return {
    id: textFrom(row.id),
    name: textFrom(row.name),
    external: booleanFrom(row.external),
    createdAt: isoFrom(row.created_at),
  };
}

function checkName(name: string): void {
  if (name.trim() === '') throw new InputError('a group needs a name', [{ at: 'name', message: 'empty' }]);
}

export async function createGroup(db: SqlExecutor, name: string, at?: string): Promise<Group> {
  checkName(name);
  const createdAt = at === undefined ? nowIso() : normalizeTimestamp(at, 'at');
  try {
    const rows = await db.all(
      `INSERT INTO groups (id, name, external, created_at) VALUES (?, ?, ?, ?) RETURNING ${COLUMNS}`,
      [randomUUID(), name, false, createdAt],
    );
    return groupFrom(rows[0] as SqlRow);
  } catch (error) {
    if (error instanceof UniqueViolation) throw new ConflictError(`a group named ${name} already exists`);
    throw error;
  }
}

export async function getGroup(db: SqlExecutor, id: string): Promise<Group | null> {
  const [row] = await db.all(`SELECT ${COLUMNS} FROM groups WHERE id = ?`, [id]);
  return row === undefined ? null : groupFrom(row);
}

export async function listGroups(db: SqlExecutor): Promise<Group[]> {
  return (await db.all(`SELECT ${COLUMNS} FROM groups ORDER BY name, external, id`)).map(groupFrom);
}

/** Grants and ownerships name the group without a foreign key, so they go explicitly, in the same transaction. */
export async function deleteGroup(db: SqlExecutor, groupId: string): Promise<void> {
  await db.run("DELETE FROM grants WHERE principal_kind = 'group' AND principal_id = ?", [groupId]);
  await db.run("DELETE FROM product_owners WHERE principal_kind = 'group' AND principal_id = ?", [groupId]);
  const deleted = await db.run('DELETE FROM groups WHERE id = ?', [groupId]);
  if (deleted === 0) throw new NotFoundError(`no group ${groupId}`);
}

export async function addMember(db: SqlExecutor, groupId: string, userId: string): Promise<void> {
  const group = await getGroup(db, groupId);
  if (group === null) throw new NotFoundError(`no group ${groupId}`);
  if (group.external) {
    throw new ConflictError(`group ${group.name} mirrors the identity provider; its members come from there`);
  }
  try {
    // Adding a member twice is not an error: the outcome is the one asked for.
    await db.run('INSERT INTO group_members (group_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING', [
      groupId,
      userId,
    ]);
  } catch (error) {
    if (error instanceof ForeignKeyViolation) throw new NotFoundError(`no user ${userId}`);
    throw error;
  }
}

export async function removeMember(db: SqlExecutor, groupId: string, userId: string): Promise<boolean> {
  return (
    (await db.run('DELETE FROM group_members WHERE group_id = ? AND user_id = ?', [groupId, userId])) > 0
  );
}

export async function groupsOfUser(db: SqlExecutor, userId: string): Promise<Group[]> {
  const rows = await db.all(
    `SELECT g.id, g.name, g.external, g.created_at FROM groups g JOIN group_members m ON m.group_id = g.id
     WHERE m.user_id = ? ORDER BY g.name, g.external, g.id`,
    [userId],
  );
  return rows.map(groupFrom);
}

/** Runs inside a transaction: the user's external memberships change all at once or not at all. */
export async function syncExternalGroups(db: SqlExecutor, userId: string, names: string[]): Promise<Group[]> {
  for (const name of names) checkName(name);
  const [user] = await db.all('SELECT id FROM users WHERE id = ?', [userId]);
  if (user === undefined) throw new NotFoundError(`no user ${userId}`);
  const wanted = [...new Set(names)];
  const now = nowIso();
  for (const name of wanted) {
    await db.run(
      'INSERT INTO groups (id, name, external, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (external, name) DO NOTHING',
      [randomUUID(), name, true, now],
    );
  }
  await db.run(
    'DELETE FROM group_members WHERE user_id = ? AND group_id IN (SELECT id FROM groups WHERE external = ?)',
    [userId, true],
  );
  const groups: Group[] = [];
  for (const name of wanted) {
    const [row] = await db.all(`SELECT ${COLUMNS} FROM groups WHERE external = ? AND name = ?`, [true, name]);
    const group = groupFrom(row as SqlRow);
    await db.run('INSERT INTO group_members (group_id, user_id) VALUES (?, ?)', [group.id, userId]);
    groups.push(group);
  }
  return groups;
}
