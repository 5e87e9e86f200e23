import { randomUUID } from 'node:crypto';
import { InputError, NotFoundError } from '@plexus/spec';
import type { User, UserIdentity } from '../ControlStore.ts';
import type { SqlExecutor, SqlRow } from '../sql/SqlDriver.ts';
import { booleanFrom, isoFrom, normalizeTimestamp, nowIso, textFrom, textOrNullFrom } from '../sql/values.ts';

const COLUMNS = 'id, subject, issuer, name, email, admin, created_at';

export function userFrom(row: SqlRow): User {
  const issuer = textFrom(row.issuer);
  return {
    id: textFrom(row.id),
    subject: textFrom(row.subject),
    // '' in the table: see the migration.
    issuer: issuer === '' ? null : issuer,
    name: textFrom(row.name),
    email: textOrNullFrom(row.email),
    admin: booleanFrom(row.admin),
    createdAt: isoFrom(row.created_at),
  };
}

export async function upsertUserFromIdentity(
  db: SqlExecutor,
  identity: UserIdentity,
  at?: string,
): Promise<User> {
  if (identity.subject === '')
    throw new InputError('a user needs a subject', [{ at: 'subject', message: 'empty' }]);
  if (identity.issuer === '')
    throw new InputError('an issuer is a URL or null', [{ at: 'issuer', message: 'empty' }]);
  const createdAt = at === undefined ? nowIso() : normalizeTimestamp(at, 'at');
  // One statement, so two sign-ins of a new user at the same moment cannot both insert.
  const rows = await db.all(
    `INSERT INTO users (id, subject, issuer, name, email, admin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (issuer, subject) DO UPDATE SET name = excluded.name, email = excluded.email
     RETURNING ${COLUMNS}`,
    [randomUUID(), identity.subject, identity.issuer ?? '', identity.name, identity.email, false, createdAt],
  );
  return userFrom(rows[0] as SqlRow);
}

export async function getUser(db: SqlExecutor, id: string): Promise<User | null> {
  const [row] = await db.all(`SELECT ${COLUMNS} FROM users WHERE id = ?`, [id]);
  return row === undefined ? null : userFrom(row);
}

export async function findUserBySubject(
  db: SqlExecutor,
  subject: string,
  issuer: string | null,
): Promise<User | null> {
  const [row] = await db.all(`SELECT ${COLUMNS} FROM users WHERE issuer = ? AND subject = ?`, [
    issuer ?? '',
    subject,
  ]);
  return row === undefined ? null : userFrom(row);
}

export async function listUsers(db: SqlExecutor): Promise<User[]> {
  return (await db.all(`SELECT ${COLUMNS} FROM users ORDER BY name, id`)).map(userFrom);
}

export async function listMembers(db: SqlExecutor, groupId: string): Promise<User[]> {
  const rows = await db.all(
    `SELECT ${COLUMNS.split(', ')
      .map((c) => `u.${c}`)
      .join(
        ', ',
      )} FROM users u JOIN group_members m ON m.user_id = u.id WHERE m.group_id = ? ORDER BY u.name, u.id`,
    [groupId],
  );
  return rows.map(userFrom);
}

export async function setAdmin(db: SqlExecutor, userId: string, admin: boolean): Promise<User> {
  const [row] = await db.all(`UPDATE users SET admin = ? WHERE id = ? RETURNING ${COLUMNS}`, [admin, userId]);
  if (row === undefined) throw new NotFoundError(`no user ${userId}`);
  return userFrom(row);
}
