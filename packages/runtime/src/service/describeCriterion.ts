import type { ManifestAttribute } from '@plexus/engine';
import type { AttributeCriterion } from '@plexus/spec';

const SYMBOLS: Record<string, string> = { eq: '=', ne: '≠', lt: '<', lte: '≤', gt: '>', gte: '≥' };

/** A criterion as people read it in an attrition table: "Karnofsky score ≥ 60". */
export function describeCriterion(
  criterion: AttributeCriterion,
  attributes: readonly ManifestAttribute[],
): string {
  const label =
    attributes.find((attribute) => attribute.id === criterion.attribute)?.label ?? criterion.attribute;
  const values = (criterion.values ?? []).map(String);
  switch (criterion.op) {
    case 'in':
      return `${label} in {${values.join(', ')}}`;
    case 'notIn':
      return `${label} not in {${values.join(', ')}}`;
    case 'between':
      return `${label} between ${values[0]} and ${values[1]}`;
    case 'missing':
      return `${label} is missing`;
    case 'present':
      return `${label} is known`;
    default:
      return `${label} ${SYMBOLS[criterion.op] ?? criterion.op} ${String(criterion.value)}`;
  }
}
