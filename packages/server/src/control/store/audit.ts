import { InputError } from '@plexus/spec';
import {
  AUDIT_OUTCOMES,
  type AuditEntry,
  type AuditOutcome,
  type AuditPage,
  type AuditQuery,
  type NewAuditEntry,
} from '../ControlStore.ts';
import type { SqlExecutor, SqlRow, SqlValue } from '../sql/SqlDriver.ts';
import { isoFrom, normalizeTimestamp, numberFrom, textFrom, textOrNullFrom } from '../sql/values.ts';
import { decodeKeysetCursor, encodeKeysetCursor } from './keysetCursor.ts';

export const MAX_AUDIT_PAGE = 1000;

const COLUMNS =
  'id, at, user_id, token_id, action, product_id, data_version, protocol_id, params_hash, outcome, status, request_id';

function entryFrom(row: SqlRow): AuditEntry {
  return {
    id: numberFrom(row.id),
    at: isoFrom(row.at),
    userId: textOrNullFrom(row.user_id),
    tokenId: textOrNullFrom(row.token_id),
    action: textFrom(row.action),
    productId: textOrNullFrom(row.product_id),
    dataVersion: textOrNullFrom(row.data_version),
    protocolId: textOrNullFrom(row.protocol_id),
    paramsHash: textOrNullFrom(row.params_hash),
    outcome: textFrom(row.outcome) as AuditOutcome,
    status: numberFrom(row.status),
    requestId: textFrom(row.request_id),
  };
}

export async function appendAudit(db: SqlExecutor, entry: NewAuditEntry): Promise<AuditEntry> {
  if (!AUDIT_OUTCOMES.includes(entry.outcome)) {
    throw new InputError(`unknown audit outcome ${entry.outcome}`, [
      { at: 'outcome', message: 'unknown outcome', found: entry.outcome, allowed: AUDIT_OUTCOMES },
    ]);
  }
  if (!Number.isInteger(entry.status)) {
    throw new InputError('an audit status is an HTTP status', [{ at: 'status', message: 'not an integer' }]);
  }
  const rows = await db.all(
    `INSERT INTO audit_log (at, user_id, token_id, action, product_id, data_version, protocol_id, params_hash,
       outcome, status, request_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
    [
      normalizeTimestamp(entry.at, 'at'),
      entry.userId,
      entry.tokenId,
      entry.action,
      entry.productId,
      entry.dataVersion,
      entry.protocolId,
      entry.paramsHash,
      entry.outcome,
      entry.status,
      entry.requestId,
    ],
  );
  return entryFrom(rows[0] as SqlRow);
}

/**
 * Newest first by (at, id): entries are appended with the time of the request, which two nodes may not
 * deliver in order, so id alone would not be time order. The cursor is the (at, id) of the last entry
 * shown: keyset paging stays correct while entries keep arriving, which OFFSET would not.
 */
export async function queryAudit(db: SqlExecutor, query: AuditQuery): Promise<AuditPage> {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_AUDIT_PAGE) {
    throw new InputError(`limit is an integer from 1 to ${MAX_AUDIT_PAGE}`, [
      { at: 'limit', message: 'out of range', found: query.limit },
    ]);
  }
  if (query.productIds !== undefined && query.productIds.length === 0) return { entries: [], next: null };
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (query.productIds !== undefined) {
    where.push(`product_id IN (${query.productIds.map(() => '?').join(', ')})`);
    params.push(...query.productIds);
  }
  if (query.userId !== undefined) {
    where.push('user_id = ?');
    params.push(query.userId);
  }
  if (query.from !== undefined) {
    where.push('at >= ?');
    params.push(normalizeTimestamp(query.from, 'from'));
  }
  if (query.to !== undefined) {
    where.push('at < ?');
    params.push(normalizeTimestamp(query.to, 'to'));
  }
  if (query.after !== undefined) {
    const cursor = decodeKeysetCursor(query.after, 'integer');
    where.push('(at < ? OR (at = ? AND id < ?))');
    params.push(cursor.at, cursor.at, cursor.id);
  }
  // One more than asked tells whether there is a next page without counting.
  params.push(query.limit + 1);
  const rows = await db.all(
    `SELECT ${COLUMNS} FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY at DESC, id DESC LIMIT ?`,
    params,
  );
  const entries = rows.slice(0, query.limit).map(entryFrom);
  const last = entries.at(-1);
  return {
    entries,
    next: rows.length > query.limit && last !== undefined ? encodeKeysetCursor(last.at, last.id) : null,
  };
}
