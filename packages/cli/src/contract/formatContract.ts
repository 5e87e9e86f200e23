import type { Contract, Parameter } from '@plexus/spec';

/** The constraints of a parameter in a few words: allowed values, types, bounds. */
export function describeParameter(parameter: Parameter): string {
  const parts: string[] = [];
  switch (parameter.type) {
    case 'enum':
      parts.push(parameter.values.join(' | '));
      break;
    case 'attribute':
    case 'attributes':
      if (parameter.attributeTypes) parts.push(parameter.attributeTypes.join('|'));
      if (
        parameter.type === 'attributes' &&
        (parameter.minItems !== undefined || parameter.maxItems !== undefined)
      )
        parts.push(`${parameter.minItems ?? 0}..${parameter.maxItems ?? '∞'} items`);
      break;
    case 'modality':
      if (parameter.kinds) parts.push(parameter.kinds.join('|'));
      break;
    case 'feature':
      if (parameter.modality) parts.push(`of ${parameter.modality}`);
      break;
    case 'number':
    case 'integer': {
      const exclusiveMinimum = parameter.type === 'number' ? parameter.exclusiveMinimum : undefined;
      const exclusiveMaximum = parameter.type === 'number' ? parameter.exclusiveMaximum : undefined;
      if (parameter.minimum !== undefined) parts.push(`>= ${parameter.minimum}`);
      if (exclusiveMinimum !== undefined) parts.push(`> ${exclusiveMinimum}`);
      if (parameter.maximum !== undefined) parts.push(`<= ${parameter.maximum}`);
      if (exclusiveMaximum !== undefined) parts.push(`< ${exclusiveMaximum}`);
      break;
    }
    case 'string':
      if (parameter.pattern !== undefined) parts.push(`pattern ${parameter.pattern}`);
      if (parameter.maxLength !== undefined) parts.push(`at most ${parameter.maxLength} characters`);
      break;
    default:
      break;
  }
  if ('default' in parameter && parameter.default !== undefined)
    parts.push(
      `default ${Array.isArray(parameter.default) ? parameter.default.join(', ') : String(parameter.default)}`,
    );
  else if (parameter.required === false || parameter.type === 'cohort') parts.push('optional');
  else parts.push('required');
  return parts.join(', ');
}

const pad = (text: string, width: number): string => text.padEnd(width);

/** The contract as text for people: model, then each protocol with parameters, results and attributes used. */
export function formatContract(contract: Contract): string[] {
  const lines = [
    `${contract.product.id} ${contract.product.version} — ${contract.product.title}`,
    `entity: ${contract.entity.singular} (${contract.entity.plural})`,
    '',
    `attributes (${contract.attributes.length}):`,
  ];
  const idWidth = Math.max(0, ...contract.attributes.map((attribute) => attribute.id.length)) + 2;
  for (const attribute of contract.attributes)
    lines.push(
      `  ${pad(attribute.id, idWidth)}${pad(attribute.type, 10)}${attribute.levels ? attribute.levels.join(' | ') : ''}`.trimEnd(),
    );
  lines.push(
    `endpoints: ${contract.endpoints.map((endpoint) => endpoint.id).join(', ') || '—'}`,
    `modalities: ${contract.modalities.map((modality) => `${modality.id} (${modality.kind})`).join(', ') || '—'}`,
    '',
    `protocols (${contract.protocols.length}):`,
  );
  for (const protocol of contract.protocols) {
    lines.push(`  ${protocol.id} ${protocol.version} — ${protocol.title} [${protocol.category}]`);
    const names = Object.keys(protocol.parameters);
    const width = Math.max(0, ...names.map((name) => name.length)) + 2;
    for (const [name, parameter] of Object.entries(protocol.parameters))
      lines.push(`      ${pad(name, width)}${pad(parameter.type, 11)}${describeParameter(parameter)}`);
    lines.push(
      protocol.results
        ? `    results: ${protocol.results.map((block) => `${block.id}${block.optional ? '?' : ''} (${block.type})`).join(', ')}`
        : '    results: not declared',
    );
    if (protocol.attributes.length > 0) lines.push(`    uses attributes: ${protocol.attributes.join(', ')}`);
  }
  return lines;
}
