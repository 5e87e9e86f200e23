import { InputError } from '@plexus/spec';
import { normalizeTimestamp } from '../sql/values.ts';

/**
 * The `next` cursor of a page ordered newest first by (time, id): the position of its last row.
 * Keyset paging stays correct while rows keep arriving, which OFFSET would not.
 */
export function encodeKeysetCursor(at: string, id: string | number): string {
  return Buffer.from(JSON.stringify([at, id]), 'utf8').toString('base64url');
}

/** Reads a cursor this store gave out; InputError (`after`) for anything else. */
export function decodeKeysetCursor<K extends 'integer' | 'text'>(
  cursor: string,
  idKind: K,
): { at: string; id: K extends 'integer' ? number : string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string') {
      const id: unknown = value[1];
      if (idKind === 'integer' ? Number.isInteger(id) : typeof id === 'string')
        return { at: normalizeTimestamp(value[0], 'after'), id: id as K extends 'integer' ? number : string };
    }
  } catch {
    // Falls through to the one error below.
  }
  throw new InputError('after is not a cursor this store gave out', [
    { at: 'after', message: 'malformed cursor' },
  ]);
}
