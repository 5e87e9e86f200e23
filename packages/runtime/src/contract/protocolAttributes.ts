import type { Protocol } from '@plexus/spec';

/** Keys whose values are prose or labels, never references to the model. */
const PROSE = new Set(['title', 'description']);

/**
 * The model attributes a protocol uses: the defaults of its attribute and attributes parameters, then
 * every other value in its parameters that names a known attribute (enum values, cohort defaults, …).
 * In the order they first appear, without repeats.
 */
export function protocolAttributes(protocol: Protocol, attributeIds: ReadonlySet<string>): string[] {
  const used = new Set<string>();
  for (const parameter of Object.values(protocol.parameters)) {
    if (parameter.type === 'attribute' && parameter.default !== undefined) used.add(parameter.default);
    if (parameter.type === 'attributes') for (const id of parameter.default ?? []) used.add(id);
  }
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (attributeIds.has(value)) used.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) if (!PROSE.has(key)) visit(item);
    }
  };
  visit(protocol.parameters);
  return [...used];
}
