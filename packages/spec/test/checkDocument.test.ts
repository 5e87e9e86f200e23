import { describe, expect, it } from 'vitest';
import { checkDocument, MappingSchema, ProtocolSchema } from '../src/index.ts';

const mapping = (overrides: Record<string, unknown>) => ({
  apiVersion: 'plexus.dev/v1',
  kind: 'Mapping',
  sources: { s: { path: 'data.csv', columns: { age: { type: 'integer' } } } },
  entity: { source: 's', id: { rowNumber: {} } },
  attributes: [{ id: 'age', label: 'Age', column: 'age' }],
  ...overrides,
});

describe('checkDocument', () => {
  it('accepts a valid document', () => {
    expect(checkDocument(MappingSchema, mapping({}))).toEqual([]);
  });

  it('names unknown keys with a suggestion and the allowed keys', () => {
    const issues = checkDocument(
      MappingSchema,
      mapping({ attributes: [{ id: 'age', lable: 'Age', column: 'age' }] }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ path: ['attributes', 0, 'lable'], code: 'unknown-key', atKey: true }),
    );
    expect(issues.find((issue) => issue.code === 'unknown-key')?.message).toMatch(
      /^unknown key 'lable' — did you mean 'label'\? \(allowed: id, label,/,
    );
    // The missing 'label' is the same mistake: it is not reported a second time.
    expect(issues.filter((issue) => issue.code === 'missing-key')).toEqual([]);
  });

  it('reports a wrong type with what was found', () => {
    const issues = checkDocument(
      MappingSchema,
      mapping({ sources: { s: { path: 'data.csv', header: 'yes', columns: { age: { type: 'integer' } } } } }),
    );
    expect(issues).toEqual([
      {
        path: ['sources', 's', 'header'],
        code: 'wrong-type',
        message: "expected boolean, found string 'yes'",
      },
    ]);
  });

  it('suggests the closest literal of a union of literals', () => {
    const issues = checkDocument(
      MappingSchema,
      mapping({ sources: { s: { path: 'data.csv', columns: { age: { type: 'integr' } } } } }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toBe(
      "expected one of 'integer', 'number', 'boolean', 'category', 'date', 'text', found 'integr' — did you mean 'integer'?",
    );
  });

  it('follows the union branch the writer meant (the deepest match)', () => {
    const issues = checkDocument(
      MappingSchema,
      mapping({
        attributes: [{ id: 'age', label: 'Age', column: 'age', tests: [{ range: { min: 'zero' } }] }],
      }),
    );
    expect(issues).toEqual([
      {
        path: ['attributes', 0, 'tests', 0, 'range', 'min'],
        code: 'wrong-type',
        message: "expected number, found string 'zero'",
      },
    ]);
  });

  it('picks the tagged variant of a parameter by its type', () => {
    const protocol = {
      apiVersion: 'plexus.dev/v1',
      kind: 'Protocol',
      id: 'p',
      version: '1.0.0',
      title: 'P',
      description: 'P',
      category: 'c',
      parameters: { level: { type: 'number', minimum: 'low' } },
      plugin: { module: 'plugins/p.ts', export: 'p' },
    };
    const issues = checkDocument(ProtocolSchema, protocol);
    expect(issues).toEqual([
      {
        path: ['parameters', 'level', 'minimum'],
        code: 'wrong-type',
        message: "expected number, found string 'low'",
      },
    ]);
  });

  it('rejects keys that are not valid names', () => {
    const issues = checkDocument(
      MappingSchema,
      mapping({ sources: { s: { path: 'data.csv', columns: { 'Ph.Ecog': { type: 'integer' } } } } }),
    );
    expect(issues[0]).toMatchObject({ path: ['sources', 's', 'columns', 'Ph.Ecog'], code: 'unknown-key' });
  });
});

describe('fast path', () => {
  it('agrees with Ajv on valid and invalid documents', async () => {
    const { isValidTypeBoxDocument } = await import('../src/validation/fastCheck.ts');
    const { Ajv } = await import('ajv');
    const ajvModule = await import('ajv-formats');
    const addFormats = (ajvModule as unknown as { default: (ajv: InstanceType<typeof Ajv>) => void }).default;
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const documents = [
      mapping({}),
      mapping({ attributes: [{ id: 'age', lable: 'Age', column: 'age' }] }),
      mapping({ sources: { S: { path: 'x', columns: { age: { type: 'integer' } } } } }),
      mapping({ entity: { source: 's', id: {} } }),
      mapping({ attributes: [] }),
      mapping({
        attributes: [
          {
            id: 'age',
            label: 'Age',
            column: 'age',
            tests: ['not_null', { range: { min: 1 } }, { unique: { severity: 'warn' } }],
          },
        ],
      }),
      mapping({ attributes: [{ id: 'age', label: 'Age', column: 'age', tests: [{ range: {} }] }] }),
    ];
    const validate = ajv.compile(MappingSchema);
    for (const document of documents)
      expect(isValidTypeBoxDocument(MappingSchema, document)).toBe(validate(document));
  });
});
