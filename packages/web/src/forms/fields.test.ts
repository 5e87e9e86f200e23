import { describe, expect, it } from 'vitest';
import type { ModelView } from '../api/types.ts';
import { buildParams, fieldsOf, initialValue } from './fields.ts';

const model: ModelView = {
  entity: { singular: 'patient', plural: 'patients', count: 137 },
  attributes: [
    { id: 'arm', label: 'Treatment arm', type: 'category', summary: { count: 137, missing: 0 } },
    { id: 'age', label: 'Age', type: 'integer', summary: { count: 137, missing: 0 } },
  ],
  endpoints: [
    {
      id: 'os',
      label: 'Overall survival',
      unit: 'days',
      summary: { count: 137, events: 80, censored: 57, missing: 0 },
    },
  ],
  modalities: [
    {
      id: 'expression',
      kind: 'matrix',
      label: 'Gene expression',
      rows: 137,
      entities: 137,
      dropped: 0,
      features: 3,
      hasNames: true,
      summary: { min: 0, max: 12, mean: 6, missing: 0 },
    },
  ],
};

const parameters = {
  type: 'object',
  properties: {
    cohort: { type: 'object', default: {}, title: 'Cohort' },
    endpoint: { type: 'string', enum: ['os'], title: 'Endpoint', default: 'os' },
    groupBy: { type: 'string', enum: ['arm'], title: 'Compare groups of' },
    covariates: { type: 'array', items: { type: 'string', enum: ['arm', 'age'] }, minItems: 1 },
    confType: { enum: ['log', 'plain'], default: 'log' },
    confLevel: { type: 'number', minimum: 0.5, maximum: 0.999, default: 0.95 },
    top: { type: 'integer', minimum: 1 },
    scale: { type: 'boolean', default: false },
    feature: { type: 'string', minLength: 1, 'x-plexus-modality': 'expression', title: 'Probe set' },
    modality: { type: 'string', enum: ['expression'] },
    reference: { type: 'string', maxLength: 5 },
  },
  required: ['groupBy'],
};

describe('fieldsOf', () => {
  it('recognises each widget from the schema', () => {
    const fields = fieldsOf(parameters, model);
    expect(fields.map((field) => [field.name, field.widget.kind])).toEqual([
      ['cohort', 'cohort'],
      ['endpoint', 'endpoint'],
      ['groupBy', 'attribute'],
      ['covariates', 'attributes'],
      ['confType', 'enum'],
      ['confLevel', 'number'],
      ['top', 'number'],
      ['scale', 'boolean'],
      ['feature', 'feature'],
      ['modality', 'modality'],
      ['reference', 'string'],
    ]);
    expect(fields[2]).toMatchObject({ label: 'Compare groups of', required: true });
    expect(fields[3]?.label).toBe('covariates');
  });
});

describe('buildParams', () => {
  const fields = fieldsOf(parameters, model);
  const values = Object.fromEntries(fields.map((field) => [field.name, initialValue(field, undefined)]));

  it('submits defaults, omits empty optional values and reports a missing required one', () => {
    const { params, errors } = buildParams(fields, values, model);
    expect(params).toEqual({ endpoint: 'os', confType: 'log', confLevel: 0.95, scale: false });
    expect(errors).toEqual({ groupBy: 'Required.' });
  });

  it('converts and checks values', () => {
    const { params, errors } = buildParams(
      fields,
      { ...values, groupBy: 'arm', top: '2.5', confLevel: '1', covariates: ['age'], reference: 'toolong' },
      model,
    );
    expect(params).toMatchObject({ groupBy: 'arm', covariates: ['age'] });
    expect(errors).toEqual({
      top: 'Enter a whole number.',
      confLevel: 'Enter at most 0.999.',
      reference: 'Use at most 5 characters.',
    });
  });

  it('checks a string against its schema pattern', () => {
    const [code] = fieldsOf(
      { type: 'object', properties: { code: { type: 'string', pattern: '^[A-Z]{3}$' } } },
      model,
    );
    expect(code?.widget).toEqual({ kind: 'string', maxLength: undefined, pattern: '^[A-Z]{3}$' });
    expect(buildParams([code!], { code: 'abc' }, model).errors).toEqual({
      code: 'Use the expected pattern: ^[A-Z]{3}$',
    });
    expect(buildParams([code!], { code: 'ABC' }, model).params).toEqual({ code: 'ABC' });
  });

  it('starts from initial values', () => {
    const cohortField = fields[0]!;
    const draft = initialValue(cohortField, { attribute: 'age', op: 'gte', value: 60 });
    const { params } = buildParams([cohortField], { cohort: draft }, model);
    expect(params).toEqual({ cohort: { all: [{ attribute: 'age', op: 'gte', value: 60 }] } });
  });
});
