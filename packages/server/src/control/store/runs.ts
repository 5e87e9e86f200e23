import { randomUUID } from 'node:crypto';
import { InputError } from '@plexus/spec';
import {
  type NewRunRecord,
  RUN_STATUSES,
  type RunOutcome,
  type RunPage,
  type RunQuery,
  type RunRecord,
  type RunStatus,
} from '../ControlStore.ts';
import type { SqlExecutor, SqlRow, SqlValue } from '../sql/SqlDriver.ts';
import {
  isoFrom,
  isoOrNullFrom,
  normalizeTimestamp,
  numberFrom,
  textFrom,
  textOrNullFrom,
} from '../sql/values.ts';
import { decodeKeysetCursor, encodeKeysetCursor } from './keysetCursor.ts';

export const MAX_RUN_PAGE = 200;

const COLUMNS = `id, user_id, node, status, started_at, finished_at, duration_ms, product_id, product_version,
  definition_hash, git_commit, data_version, engine_version, protocol_id, protocol_version, plugin_sha256,
  params, request_key, result_hash, error_code, error_message, reused_from, rerun_of`;

function runFrom(row: SqlRow): RunRecord {
  const errorCode = textOrNullFrom(row.error_code);
  return {
    id: textFrom(row.id),
    userId: textOrNullFrom(row.user_id),
    node: textFrom(row.node),
    status: textFrom(row.status) as RunStatus,
    startedAt: isoFrom(row.started_at),
    finishedAt: isoOrNullFrom(row.finished_at),
    durationMs:
      row.duration_ms === null || row.duration_ms === undefined ? null : numberFrom(row.duration_ms),
    productId: textFrom(row.product_id),
    productVersion: textFrom(row.product_version),
    definitionHash: textFrom(row.definition_hash),
    gitCommit: textOrNullFrom(row.git_commit),
    dataVersion: textFrom(row.data_version),
    engineVersion: textFrom(row.engine_version),
    protocolId: textFrom(row.protocol_id),
    protocolVersion: textFrom(row.protocol_version),
    pluginSha256: textFrom(row.plugin_sha256),
    params: JSON.parse(textFrom(row.params)) as Record<string, unknown>,
    requestKey: textFrom(row.request_key),
    resultHash: textOrNullFrom(row.result_hash),
    error: errorCode === null ? null : { code: errorCode, message: textFrom(row.error_message ?? '') },
    reusedFrom: textOrNullFrom(row.reused_from),
    rerunOf: textOrNullFrom(row.rerun_of),
  };
}

export async function createRun(db: SqlExecutor, run: NewRunRecord): Promise<RunRecord> {
  if (!RUN_STATUSES.includes(run.status))
    throw new InputError(`unknown run status ${run.status}`, [
      { at: 'status', message: 'unknown status', found: run.status, allowed: RUN_STATUSES },
    ]);
  const rows = await db.all(
    `INSERT INTO runs (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     RETURNING ${COLUMNS}`,
    [
      randomUUID(),
      run.userId,
      run.node,
      run.status,
      normalizeTimestamp(run.startedAt, 'startedAt'),
      run.finishedAt === null ? null : normalizeTimestamp(run.finishedAt, 'finishedAt'),
      run.durationMs,
      run.productId,
      run.productVersion,
      run.definitionHash,
      run.gitCommit,
      run.dataVersion,
      run.engineVersion,
      run.protocolId,
      run.protocolVersion,
      run.pluginSha256,
      JSON.stringify(run.params),
      run.requestKey,
      run.resultHash,
      run.error?.code ?? null,
      run.error?.message ?? null,
      run.reusedFrom,
      run.rerunOf,
    ],
  );
  return runFrom(rows[0] as SqlRow);
}

export async function finishRun(db: SqlExecutor, id: string, outcome: RunOutcome): Promise<RunRecord | null> {
  const rows = await db.all(
    `UPDATE runs SET status = ?, finished_at = ?, duration_ms = ?, result_hash = ?, error_code = ?, error_message = ?
     WHERE id = ? AND status = 'running' RETURNING ${COLUMNS}`,
    [
      outcome.status,
      normalizeTimestamp(outcome.finishedAt, 'finishedAt'),
      Math.round(outcome.durationMs),
      outcome.resultHash,
      outcome.error?.code ?? null,
      outcome.error?.message ?? null,
      id,
    ],
  );
  return rows[0] ? runFrom(rows[0]) : null;
}

export async function getRun(db: SqlExecutor, id: string): Promise<RunRecord | null> {
  const rows = await db.all(`SELECT ${COLUMNS} FROM runs WHERE id = ?`, [id]);
  return rows[0] ? runFrom(rows[0]) : null;
}

export async function findReusableRun(
  db: SqlExecutor,
  requestKey: string,
  userId: string | null,
): Promise<RunRecord | null> {
  const rows = await db.all(
    `SELECT ${COLUMNS} FROM runs WHERE request_key = ? AND ${userId === null ? 'user_id IS NULL' : 'user_id = ?'}
       AND status = 'succeeded' AND result_hash IS NOT NULL
     ORDER BY started_at DESC, id DESC LIMIT 1`,
    userId === null ? [requestKey] : [requestKey, userId],
  );
  return rows[0] ? runFrom(rows[0]) : null;
}

export async function failInterruptedRuns(db: SqlExecutor, node: string, at: string): Promise<number> {
  return db.run(
    `UPDATE runs SET status = 'failed', finished_at = ?, duration_ms = NULL, error_code = 'NODE_RESTARTED',
       error_message = 'the node stopped while the run was executing; run it again'
     WHERE node = ? AND status = 'running'`,
    [normalizeTimestamp(at, 'at'), node],
  );
}

/** Newest first by (started_at, id), paged by keyset like the audit log, so that paging is stable while runs arrive. */
export async function listRuns(db: SqlExecutor, query: RunQuery): Promise<RunPage> {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_RUN_PAGE)
    throw new InputError(`limit is an integer from 1 to ${MAX_RUN_PAGE}`, [
      { at: 'limit', message: 'out of range', found: query.limit },
    ]);
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (query.userId === null) where.push('user_id IS NULL');
  else if (query.userId !== undefined) {
    where.push('user_id = ?');
    params.push(query.userId);
  }
  for (const [column, value] of [
    ['product_id', query.productId],
    ['protocol_id', query.protocolId],
    ['status', query.status],
  ] as const) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    params.push(value);
  }
  if (query.from !== undefined) {
    where.push('started_at >= ?');
    params.push(normalizeTimestamp(query.from, 'from'));
  }
  if (query.to !== undefined) {
    where.push('started_at < ?');
    params.push(normalizeTimestamp(query.to, 'to'));
  }
  if (query.after !== undefined) {
    const cursor = decodeKeysetCursor(query.after, 'text');
    where.push('(started_at < ? OR (started_at = ? AND id < ?))');
    params.push(cursor.at, cursor.at, cursor.id);
  }
  params.push(query.limit + 1);
  const rows = await db.all(
    `SELECT ${COLUMNS} FROM runs ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY started_at DESC, id DESC LIMIT ?`,
    params,
  );
  const runs = rows.slice(0, query.limit).map(runFrom);
  const last = runs.at(-1);
  return {
    runs,
    next:
      rows.length > query.limit && last !== undefined ? encodeKeysetCursor(last.startedAt, last.id) : null,
  };
}
