import type { Parameter, Protocol } from '@plexus/spec';
import type { ModelChoices } from './ModelChoices.ts';

type JsonSchema = Record<string, unknown>;

/**
 * A cohort parameter takes a cohort definition (cohort.schema.json). Its shape and names are checked by
 * the cohort compiler against the product's model, which reports errors by path — a JSON Schema of the
 * recursive tree would only say that no branch of a union matched.
 */
export function cohortParameterSchema(_model: ModelChoices): JsonSchema {
  return {
    type: 'object',
    description:
      'A cohort definition: a tree of all, any, not and atLeast/of over criteria on attributes, endpoints, events, matrix features and variants (see cohort.schema.json); {} is every entity.',
    default: {},
  };
}

function parameterSchema(parameter: Parameter, model: ModelChoices): JsonSchema {
  const meta: JsonSchema = {
    ...(parameter.title ? { title: parameter.title } : {}),
    ...(parameter.description ? { description: parameter.description } : {}),
  };
  switch (parameter.type) {
    case 'cohort':
      return { ...cohortParameterSchema(model), ...meta };
    case 'attribute': {
      const allowed = model.attributes.filter(
        (attribute) => !parameter.attributeTypes || parameter.attributeTypes.includes(attribute.type),
      );
      return {
        type: 'string',
        enum: allowed.map((attribute) => attribute.id),
        ...meta,
        ...(parameter.default !== undefined ? { default: parameter.default } : {}),
      };
    }
    case 'attributes': {
      const allowed = model.attributes.filter(
        (attribute) => !parameter.attributeTypes || parameter.attributeTypes.includes(attribute.type),
      );
      return {
        type: 'array',
        items: { type: 'string', enum: allowed.map((attribute) => attribute.id) },
        uniqueItems: true,
        ...(parameter.minItems !== undefined ? { minItems: parameter.minItems } : {}),
        ...(parameter.maxItems !== undefined ? { maxItems: parameter.maxItems } : {}),
        ...meta,
        ...(parameter.default !== undefined ? { default: parameter.default } : {}),
      };
    }
    case 'endpoint':
      return {
        type: 'string',
        enum: model.endpoints.map((endpoint) => endpoint.id),
        ...meta,
        ...(parameter.default !== undefined ? { default: parameter.default } : {}),
      };
    case 'enum':
      return {
        enum: [...parameter.values],
        ...meta,
        ...(parameter.default !== undefined ? { default: parameter.default } : {}),
      };
    case 'number':
    case 'integer': {
      const { type, title: _title, description: _description, required: _required, ...bounds } = parameter;
      return { type, ...bounds, ...meta };
    }
    case 'feature': {
      const matrices = (model.modalities ?? []).filter((modality) => modality.kind === 'matrix');
      const modality = parameter.modality ?? (matrices.length === 1 ? matrices[0]?.id : undefined);
      return {
        type: 'string',
        minLength: 1,
        maxLength: 1000,
        ...(modality !== undefined ? { 'x-plexus-modality': modality } : {}),
        ...meta,
        ...(parameter.default !== undefined ? { default: parameter.default } : {}),
      };
    }
    case 'modality': {
      const allowed = (model.modalities ?? []).filter(
        (modality) => !parameter.kinds || parameter.kinds.includes(modality.kind),
      );
      return {
        type: 'string',
        ...(allowed.length > 0 ? { enum: allowed.map((modality) => modality.id) } : {}),
        ...meta,
        ...(parameter.default !== undefined ? { default: parameter.default } : {}),
      };
    }
    case 'boolean':
      return {
        type: 'boolean',
        ...meta,
        ...(parameter.default !== undefined ? { default: parameter.default } : {}),
      };
    case 'string': {
      const {
        type: _type,
        title: _title,
        description: _description,
        required: _required,
        ...rest
      } = parameter;
      return { type: 'string', ...rest, ...meta };
    }
  }
}

/** Whether a parameter must be given: explicitly required, or optional only through a default. */
export function isRequired(parameter: Parameter): boolean {
  if (parameter.required !== undefined) return parameter.required;
  return parameter.type !== 'cohort' && !('default' in parameter && parameter.default !== undefined);
}

/**
 * JSON Schema of a protocol's `params` object for one product model. Choices that come from the model
 * (attribute ids of the allowed types, endpoint ids, category levels) appear as enums.
 */
export function compileParameterSchema(protocol: Protocol, model: ModelChoices): JsonSchema {
  const entries = Object.entries(protocol.parameters);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${protocol.title} — parameters`,
    type: 'object',
    properties: Object.fromEntries(
      entries.map(([name, parameter]) => [name, parameterSchema(parameter, model)]),
    ),
    required: entries.filter(([, parameter]) => isRequired(parameter)).map(([name]) => name),
    additionalProperties: false,
  };
}
