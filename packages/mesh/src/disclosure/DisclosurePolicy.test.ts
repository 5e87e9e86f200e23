import { checkDocument, ProductSchema } from '@plexus/spec';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { DisclosurePolicySchema, resolveDisclosurePolicy } from './DisclosurePolicy.ts';

describe('DisclosurePolicySchema', () => {
  it('accepts a full section and rejects unknown keys and bad values', () => {
    const full = {
      minCellCount: 10,
      federated: true,
      obfuscation: { noise: { sigma: 1.33 }, round: 5 },
      repeatedQueries: { max: 20, windowHours: 24 },
    };
    expect(Value.Check(DisclosurePolicySchema, full)).toBe(true);
    expect(Value.Check(DisclosurePolicySchema, {})).toBe(true);
    expect(Value.Check(DisclosurePolicySchema, { minCellCount: 0 })).toBe(false);
    expect(Value.Check(DisclosurePolicySchema, { minCellCount: 2.5 })).toBe(false);
    expect(Value.Check(DisclosurePolicySchema, { obfuscation: { noise: { sigma: 0 } } })).toBe(false);
    expect(Value.Check(DisclosurePolicySchema, { repeatedQueries: { max: 3 } })).toBe(false);
    expect(Value.Check(DisclosurePolicySchema, { threshold: 5 })).toBe(false);
  });

  it('is the disclosure section of product.yaml', () => {
    expect(ProductSchema.properties.disclosure).toBeDefined();
    const product = {
      apiVersion: 'plexus.dev/v1',
      kind: 'DataProduct',
      id: 'demo',
      title: 'Demo',
      version: '1.0.0',
      description: 'A demo.',
      domain: 'oncology',
      owners: [{ name: 'Someone' }],
      entity: { singular: 'patient', plural: 'patients' },
      disclosure: { minCellCount: 11, obfuscation: { round: 5 } },
    };
    expect(checkDocument(ProductSchema, product)).toEqual([]);
    expect(
      checkDocument(ProductSchema, { ...product, disclosure: { minCellCount: -1 } }).length,
    ).toBeGreaterThan(0);
  });
});

describe('resolveDisclosurePolicy', () => {
  it('applies the defaults', () => {
    expect(resolveDisclosurePolicy()).toEqual({ minCellCount: 5, federated: false });
    expect(resolveDisclosurePolicy({ federated: true, obfuscation: { round: 5 } })).toEqual({
      minCellCount: 5,
      federated: true,
      obfuscation: { round: 5 },
    });
  });

  it('rejects a threshold below 1 even without schema validation', () => {
    expect(() => resolveDisclosurePolicy({ minCellCount: 0 })).toThrow(RangeError);
  });
});
