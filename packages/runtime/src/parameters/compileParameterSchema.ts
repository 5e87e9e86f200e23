import type { Parameter, Protocol } from '@plexus/spec';
import type { ModelChoices } from './ModelChoices.ts';

type JsonSchema = Record<string, unknown>;

const ORDERED_TYPES = new Set(['integer', 'number', 'date']);

/** Schema of one cohort criterion per attribute, so that forms and validators know each attribute's values. */
function criterionSchema(attribute: ModelChoices['attributes'][number]): JsonSchema {
  const value: JsonSchema =
    attribute.type === 'integer' || attribute.type === 'number'
      ? { type: 'number' }
      : attribute.type === 'boolean'
        ? { type: 'boolean' }
        : attribute.type === 'date'
          ? { type: 'string', format: 'date' }
          : attribute.type === 'category'
            ? // JSON Schema forbids an empty enum: a category seen with no values takes any string.
              { type: 'string', ...(attribute.levels?.length ? { enum: [...attribute.levels] } : {}) }
            : { type: 'string' };
  const ops = ORDERED_TYPES.has(attribute.type)
    ? ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'between', 'in', 'notIn', 'missing', 'present']
    : ['eq', 'ne', 'in', 'notIn', 'missing', 'present'];
  return {
    type: 'object',
    title: attribute.label ?? attribute.id,
    properties: {
      attribute: { const: attribute.id },
      op: { enum: ops },
      value,
      values: { type: 'array', items: value, minItems: 1 },
    },
    required: ['attribute', 'op'],
    additionalProperties: false,
  };
}

export function cohortParameterSchema(model: ModelChoices): JsonSchema {
  return {
    type: 'object',
    description: 'Entities meeting all criteria; {} means every entity.',
    properties: {
      all: {
        type: 'array',
        items: {
          type: 'object',
          required: ['attribute', 'op'],
          properties: { attribute: { enum: model.attributes.map((attribute) => attribute.id) } },
          oneOf: model.attributes.map(criterionSchema),
        },
      },
    },
    additionalProperties: false,
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
