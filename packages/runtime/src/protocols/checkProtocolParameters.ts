import { problemAt, type YamlFile } from '@plexus/engine';
import type { Problem, Protocol } from '@plexus/spec';
import { didYouMean } from '@plexus/spec';
import type { ModelChoices } from '../parameters/ModelChoices.ts';

/** Checks what parameters say about the model: defaults that name attributes and endpoints, bounds. */
export function checkProtocolParameters(protocol: Protocol, model: ModelChoices, file: YamlFile): Problem[] {
  const problems: Problem[] = [];
  for (const [name, parameter] of Object.entries(protocol.parameters)) {
    const path = ['parameters', name];
    if (parameter.type === 'attribute' || parameter.type === 'attributes') {
      const allowed = model.attributes.filter(
        (attribute) =>
          attribute.unresolved ||
          !parameter.attributeTypes ||
          parameter.attributeTypes.includes(attribute.type),
      );
      const types = parameter.attributeTypes?.join(' or ');
      if (allowed.length === 0) {
        problems.push(
          problemAt(
            file,
            path,
            'unknown-attribute',
            `parameter '${name}': the model has no attribute of type ${types}`,
          ),
        );
      }
      const defaults =
        parameter.default === undefined
          ? []
          : Array.isArray(parameter.default)
            ? parameter.default
            : [parameter.default];
      defaults.forEach((id, index) => {
        const at = Array.isArray(parameter.default) ? [...path, 'default', index] : [...path, 'default'];
        const attribute = model.attributes.find((candidate) => candidate.id === id);
        if (!attribute) {
          const ids = model.attributes.map((candidate) => candidate.id);
          problems.push(
            problemAt(
              file,
              at,
              'unknown-attribute',
              `parameter '${name}': default '${id}' is not an attribute of the model${didYouMean(id, ids)}`,
            ),
          );
        } else if (!allowed.includes(attribute)) {
          problems.push(
            problemAt(
              file,
              at,
              'unknown-attribute',
              `parameter '${name}': default '${id}' is ${attribute.type}, but the parameter takes ${types}`,
            ),
          );
        }
      });
    }
    if (parameter.type === 'endpoint') {
      if (model.endpoints.length === 0)
        problems.push(
          problemAt(file, path, 'unknown-attribute', `parameter '${name}': the model defines no endpoints`),
        );
      if (
        parameter.default !== undefined &&
        !model.endpoints.some((endpoint) => endpoint.id === parameter.default)
      ) {
        const ids = model.endpoints.map((endpoint) => endpoint.id);
        problems.push(
          problemAt(
            file,
            [...path, 'default'],
            'unknown-attribute',
            `parameter '${name}': default '${parameter.default}' is not an endpoint of the model${didYouMean(parameter.default, ids)}`,
          ),
        );
      }
    }
    if (parameter.type === 'feature' || parameter.type === 'modality') {
      const modalities = model.modalities ?? [];
      const kinds =
        parameter.type === 'feature' ? ['matrix'] : (parameter.kinds ?? ['events', 'matrix', 'variants']);
      const usable = modalities.filter((modality) => kinds.includes(modality.kind));
      const named = parameter.type === 'feature' ? parameter.modality : parameter.default;
      if (usable.length === 0) {
        problems.push(
          problemAt(
            file,
            path,
            'unknown-attribute',
            `parameter '${name}': the model has no ${kinds.join(' or ')} modality`,
          ),
        );
      } else if (named !== undefined && !usable.some((modality) => modality.id === named)) {
        const ids = usable.map((modality) => modality.id);
        problems.push(
          problemAt(
            file,
            [...path, parameter.type === 'feature' ? 'modality' : 'default'],
            'unknown-attribute',
            `parameter '${name}': '${named}' is not a ${kinds.join(' or ')} modality of the model${didYouMean(named, ids)} (it has: ${ids.join(', ')})`,
          ),
        );
      } else if (parameter.type === 'feature' && named === undefined && usable.length > 1) {
        problems.push(
          problemAt(
            file,
            path,
            'missing-key',
            `parameter '${name}': the model has ${usable.length} matrix modalities (${usable.map((modality) => modality.id).join(', ')}); say which with modality:`,
          ),
        );
      }
    }
    if (
      parameter.type === 'enum' &&
      parameter.default !== undefined &&
      !parameter.values.includes(parameter.default)
    ) {
      problems.push(
        problemAt(
          file,
          [...path, 'default'],
          'invalid-value',
          `parameter '${name}': default '${parameter.default}' is not one of its values ${parameter.values.join(', ')}`,
        ),
      );
    }
    if ((parameter.type === 'number' || parameter.type === 'integer') && parameter.default !== undefined) {
      const { minimum, maximum } = parameter;
      if (
        (minimum !== undefined && parameter.default < minimum) ||
        (maximum !== undefined && parameter.default > maximum)
      ) {
        problems.push(
          problemAt(
            file,
            [...path, 'default'],
            'invalid-value',
            `parameter '${name}': default ${parameter.default} is outside [${minimum ?? '-inf'}, ${maximum ?? 'inf'}]`,
          ),
        );
      }
    }
  }
  return problems;
}
