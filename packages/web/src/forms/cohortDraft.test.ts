import { describe, expect, it } from 'vitest';
import type { ModelView } from '../api/types.ts';
import { cohortFromJson, cohortToJson, operatorsFor } from './cohortDraft.ts';

const model: ModelView = {
  entity: { singular: 'patient', plural: 'patients', count: 137 },
  attributes: [
    { id: 'age', label: 'Age', type: 'integer', summary: { count: 137, missing: 0 } },
    {
      id: 'arm',
      label: 'Treatment arm',
      type: 'category',
      levels: ['standard', 'test'],
      summary: { count: 137, missing: 0 },
    },
    { id: 'smoker', label: 'Smoker', type: 'boolean', summary: { count: 137, missing: 0 } },
  ],
  endpoints: [],
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

describe('operatorsFor', () => {
  it('offers order comparisons only for ordered types', () => {
    expect(operatorsFor('integer')).toContain('between');
    expect(operatorsFor('category')).toEqual(['eq', 'ne', 'in', 'notIn', 'missing', 'present']);
    expect(operatorsFor('boolean')).not.toContain('in');
  });
});

describe('cohort drafts', () => {
  it('round-trips the cohorts the builder edits', () => {
    const cohort = {
      all: [
        { attribute: 'age', op: 'between', values: [40, 60] },
        { attribute: 'arm', op: 'in', values: ['test'] },
        {
          not: {
            any: [
              { attribute: 'smoker', op: 'eq', value: true },
              { matrix: 'expression', feature: 'EGFR', percentile: { above: 75 } },
            ],
          },
        },
        { atLeast: 1, of: [{ attribute: 'age', op: 'present' }] },
      ],
    };
    expect(cohortToJson(cohortFromJson(cohort), model)).toEqual({ cohort, problems: [] });
  });

  it('reads a single criterion into an all group and {} as no criteria', () => {
    const draft = cohortFromJson({ attribute: 'age', op: 'gte', value: 65 });
    expect(draft.combine).toBe('all');
    expect(cohortToJson(draft, model).cohort).toEqual({ all: [{ attribute: 'age', op: 'gte', value: 65 }] });
    expect(cohortToJson(cohortFromJson({}), model).cohort).toEqual({});
  });

  it('leaves incomplete criteria out and says why', () => {
    const draft = cohortFromJson({ all: [{ attribute: 'age', op: 'gte', value: 65 }] });
    draft.children.push({
      kind: 'attribute',
      key: 'x',
      attribute: 'age',
      op: 'lt',
      value: 'abc',
      valueTo: '',
      values: [],
    });
    const { cohort, problems } = cohortToJson(draft, model);
    expect(cohort).toEqual({ all: [{ attribute: 'age', op: 'gte', value: 65 }] });
    expect(problems).toEqual([{ key: 'x', message: 'Age: abc is not a number.' }]);
  });

  it('writes a not of one criterion without an any', () => {
    const draft = cohortFromJson({ not: { attribute: 'arm', op: 'eq', value: 'test' } });
    expect(cohortToJson(draft, model).cohort).toEqual({ not: { attribute: 'arm', op: 'eq', value: 'test' } });
  });
});
