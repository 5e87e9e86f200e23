import type { EventFilter, NumberTest, ResolvedAnchor, ResolvedNode } from './CohortTree.ts';

const SYMBOLS: Record<string, string> = { eq: '=', ne: '≠', lt: '<', lte: '≤', gt: '>', gte: '≥' };

function numberText(test: NumberTest): string {
  return test.op === 'between'
    ? `between ${test.values[0]} and ${test.values[1]}`
    : `${SYMBOLS[test.op] ?? test.op} ${test.values[0]}`;
}

const set = (values: readonly string[]) => (values.length === 1 ? values[0] : `{${values.join(', ')}}`);

function filterText(filter: EventFilter): string {
  const parts = [
    filter.name ? set(filter.name) : undefined,
    filter.code ? `code ${set(filter.code)}` : undefined,
    filter.group ? `in ${set(filter.group)}` : undefined,
    filter.text ? set(filter.text) : undefined,
  ].filter(Boolean);
  return `${filter.modality.label}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

function anchorText(anchor: ResolvedAnchor): string {
  return anchor.kind === 'attribute'
    ? anchor.attribute.label
    : `${anchor.occurrence} ${filterText(anchor.filter)}`;
}

/** A criterion as people read it in an attrition table: "Karnofsky score ≥ 60", "≥ 2 × Adverse events: NAUSEA". */
export function describeCohort(node: ResolvedNode): string {
  switch (node.kind) {
    case 'every':
      return 'every entity';
    case 'all':
      return node.children.length === 0 ? 'every entity' : node.children.map(describeCohort).join(' and ');
    case 'any':
      return `any of (${node.children.map(describeCohort).join('; ')})`;
    case 'not':
      return `not (${describeCohort(node.child)})`;
    case 'atLeast':
      return `at least ${node.n} of (${node.children.map(describeCohort).join('; ')})`;
    case 'attribute': {
      const label = node.attribute.label;
      const values = node.values.map(String);
      switch (node.op) {
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
          return `${label} ${SYMBOLS[node.op] ?? node.op} ${values[0]}`;
      }
    }
    case 'endpoint': {
      const parts = [
        node.event === undefined ? undefined : node.event ? 'event occurred' : 'censored',
        node.time ? `time ${numberText(node.time)} ${node.endpoint.unit}` : undefined,
      ].filter(Boolean);
      return `${node.endpoint.label}: ${parts.join(', ') || 'known'}`;
    }
    case 'events': {
      const parts = [
        node.value ? `value ${numberText(node.value)}` : undefined,
        node.window
          ? `${node.window.from ?? '…'} to ${node.window.to ?? '…'} days${node.window.anchor ? ` from ${anchorText(node.window.anchor)}` : ''}`
          : undefined,
      ].filter(Boolean);
      return `${node.atLeast > 1 ? `≥ ${node.atLeast} × ` : ''}${filterText(node.filter)}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
    }
    case 'feature': {
      const parts = [
        node.test ? numberText(node.test) : undefined,
        node.percentile?.above !== undefined ? `≥ ${node.percentile.above}th percentile` : undefined,
        node.percentile?.below !== undefined ? `≤ ${node.percentile.below}th percentile` : undefined,
      ].filter(Boolean);
      return `${node.modality.label} ${node.feature} ${parts.join(' and ')}`;
    }
    case 'variants': {
      const parts = [
        node.gene ? set(node.gene) : undefined,
        node.chrom !== undefined
          ? `chr ${node.chrom}${node.from !== undefined || node.to !== undefined ? `:${node.from ?? ''}-${node.to ?? ''}` : ''}`
          : undefined,
        node.ref ? `ref ${set(node.ref)}` : undefined,
        node.alt ? `alt ${set(node.alt)}` : undefined,
        node.consequence ? set(node.consequence) : undefined,
        node.zygosity ? set(node.zygosity) : undefined,
      ].filter(Boolean);
      return `${node.modality.label}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
    }
  }
}
