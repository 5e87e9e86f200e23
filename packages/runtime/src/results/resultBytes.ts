import { createHash } from 'node:crypto';
import { canonicalJson } from '@plexus/engine';
import type { ResultDocument } from '@plexus/spec';

/**
 * The one byte form of a result document: JSON with sorted keys and no whitespace. Equal documents give
 * equal bytes whatever the order a plugin built them in, so a stored result is recalled exactly and its
 * sha256 names it.
 */
export function resultBytes(result: ResultDocument): string {
  return canonicalJson(result);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
