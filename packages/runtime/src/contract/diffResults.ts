import type { DeclaredResultBlock } from '@plexus/spec';
import type { ContractChange } from './ContractChange.ts';

/** Changes of the result blocks one protocol declares. */
export function diffResults(
  protocol: string,
  before: readonly DeclaredResultBlock[] | undefined,
  after: readonly DeclaredResultBlock[] | undefined,
): ContractChange[] {
  if (!before && !after) return [];
  if (before && !after)
    return [
      {
        kind: 'result-removed',
        breaking: true,
        protocol,
        message: `${protocol}: no longer declares its result blocks (${before.map((block) => block.id).join(', ')})`,
      },
    ];
  if (!before && after)
    return [
      {
        kind: 'result-added',
        breaking: false,
        protocol,
        message: `${protocol}: now declares its result blocks (${after.map((block) => block.id).join(', ')})`,
      },
    ];
  const changes: ContractChange[] = [];
  const old = new Map((before ?? []).map((block) => [block.id, block]));
  const current = new Map((after ?? []).map((block) => [block.id, block]));
  for (const [id, block] of old) {
    const next = current.get(id);
    if (!next) {
      changes.push({
        kind: 'result-removed',
        breaking: true,
        protocol,
        message: `${protocol}: result block '${id}' (${block.type}) removed`,
      });
      continue;
    }
    if (next.type !== block.type)
      changes.push({
        kind: 'result-type-changed',
        breaking: true,
        protocol,
        message: `${protocol}: result block '${id}' is now a ${next.type}, was a ${block.type}`,
      });
    if (!block.optional && next.optional)
      changes.push({
        kind: 'result-now-optional',
        breaking: true,
        protocol,
        message: `${protocol}: result block '${id}' became optional: clients can no longer count on it`,
      });
    if (block.optional && !next.optional)
      changes.push({
        kind: 'result-now-guaranteed',
        breaking: false,
        protocol,
        message: `${protocol}: result block '${id}' is now always returned`,
      });
  }
  for (const [id, block] of current)
    if (!old.has(id))
      changes.push({
        kind: 'result-added',
        breaking: false,
        protocol,
        message: `${protocol}: result block '${id}' (${block.type}${block.optional ? ', optional' : ''}) added`,
      });
  return changes;
}
