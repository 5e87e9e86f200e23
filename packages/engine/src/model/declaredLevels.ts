import type { Attribute, SourceColumn } from '@plexus/spec';

/**
 * The category order a mapping declares: the attribute's `levels`, else the order of its column's value
 * map (so `{1: standard, 2: test}` makes standard the reference level). Undefined when neither says.
 */
export function declaredLevels(
  attribute: Pick<Attribute, 'levels'>,
  column: SourceColumn | undefined,
): string[] | undefined {
  if (attribute.levels) return attribute.levels;
  if (column?.type === 'category' && column.values)
    return [...new Set(Object.values(column.values).map(String))];
  return undefined;
}
