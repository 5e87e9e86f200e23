import { ConflictError, InputError, NotFoundError } from '@plexus/spec';
import {
  type ApiToken,
  type CreatedApiToken,
  type NewApiToken,
  type StoredApiToken,
  TOKEN_SCOPES,
  type TokenScope,
} from '../ControlStore.ts';
import { ForeignKeyViolation, type SqlExecutor, type SqlRow, UniqueViolation } from '../sql/SqlDriver.ts';
import { isoFrom, isoOrNullFrom, normalizeTimestamp, nowIso, textFrom } from '../sql/values.ts';
import { hashTokenSecret, newTokenId, newTokenSecret, parsePresentedToken, presentToken } from '../tokens.ts';

// secret_hash is absent on purpose: listing tokens cannot leak it, however the result is serialised.
const PUBLIC_COLUMNS = 'id, user_id, name, scopes, created_at, expires_at, revoked_at, last_used_at';

function tokenFrom(row: SqlRow): ApiToken {
  return {
    id: textFrom(row.id),
    userId: textFrom(row.user_id),
    name: textFrom(row.name),
    // Space separated: the same text in both backends, and no scope contains a space.
    scopes: textFrom(row.scopes).split(' ').filter(Boolean) as TokenScope[],
    createdAt: isoFrom(row.created_at),
    expiresAt: isoOrNullFrom(row.expires_at),
    revokedAt: isoOrNullFrom(row.revoked_at),
    lastUsedAt: isoOrNullFrom(row.last_used_at),
  };
}

function checkScopes(scopes: readonly string[]): void {
  if (scopes.length === 0)
    throw new InputError('a token needs at least one scope', [{ at: 'scopes', message: 'empty' }]);
  for (const scope of scopes) {
    if (!TOKEN_SCOPES.includes(scope as TokenScope)) {
      throw new InputError(`unknown token scope ${scope}`, [
        { at: 'scopes', message: 'unknown scope', found: scope, allowed: TOKEN_SCOPES },
      ]);
    }
  }
}

export async function createToken(
  db: SqlExecutor,
  input: NewApiToken,
  at?: string,
): Promise<CreatedApiToken> {
  checkScopes(input.scopes);
  if (input.name.trim() === '')
    throw new InputError('a token needs a name', [{ at: 'name', message: 'empty' }]);
  const createdAt = at === undefined ? nowIso() : normalizeTimestamp(at, 'at');
  const expiresAt = input.expiresAt === null ? null : normalizeTimestamp(input.expiresAt, 'expiresAt');
  const chosen = input.presented === undefined ? undefined : parsePresentedToken(input.presented);
  if (
    input.presented !== undefined &&
    (!chosen || !/^tok_[A-Za-z0-9_-]{8,}$/.test(chosen.id) || chosen.secret.length < 32)
  )
    throw new InputError(
      'a chosen token looks like tok_<id>.<secret>, with a secret of at least 32 characters',
      [{ at: 'presented', message: 'not a token of this node', expected: 'tok_<id>.<secret>' }],
    );
  const id = chosen?.id ?? newTokenId();
  const secret = chosen?.secret ?? newTokenSecret();
  try {
    const rows = await db.all(
      `INSERT INTO api_tokens (id, user_id, name, secret_hash, scopes, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING ${PUBLIC_COLUMNS}`,
      [
        id,
        input.userId,
        input.name,
        hashTokenSecret(secret),
        [...new Set(input.scopes)].join(' '),
        createdAt,
        expiresAt,
      ],
    );
    return { token: tokenFrom(rows[0] as SqlRow), presented: presentToken(id, secret) };
  } catch (error) {
    if (error instanceof UniqueViolation)
      throw new ConflictError(`a live token named ${input.name} already exists`);
    if (error instanceof ForeignKeyViolation) throw new NotFoundError(`no user ${input.userId}`);
    throw error;
  }
}

export async function listTokens(db: SqlExecutor, userId: string): Promise<ApiToken[]> {
  const rows = await db.all(
    `SELECT ${PUBLIC_COLUMNS} FROM api_tokens WHERE user_id = ? ORDER BY created_at, id`,
    [userId],
  );
  return rows.map(tokenFrom);
}

export async function revokeToken(db: SqlExecutor, tokenId: string, at?: string): Promise<void> {
  const revokedAt = at === undefined ? nowIso() : normalizeTimestamp(at, 'at');
  const changed = await db.run('UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?', [
    revokedAt,
    tokenId,
  ]);
  if (changed === 0) throw new NotFoundError(`no token ${tokenId}`);
}

export async function findToken(db: SqlExecutor, tokenId: string): Promise<StoredApiToken | null> {
  const [row] = await db.all(`SELECT ${PUBLIC_COLUMNS}, secret_hash FROM api_tokens WHERE id = ?`, [tokenId]);
  return row === undefined ? null : { ...tokenFrom(row), secretHash: textFrom(row.secret_hash) };
}

/** Never moves last use backwards: concurrent requests may report their times out of order. */
export async function touchToken(db: SqlExecutor, tokenId: string, at: string): Promise<void> {
  const usedAt = normalizeTimestamp(at, 'at');
  await db.run(
    'UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)',
    [usedAt, tokenId, usedAt],
  );
}
