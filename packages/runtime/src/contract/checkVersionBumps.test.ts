import { join, resolve } from 'node:path';
import type { Contract } from '@plexus/spec';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkVersionBumps, compareVersions } from './checkVersionBumps.ts';
import { diffContracts } from './diffContracts.ts';
import { extractContract } from './extractContract.ts';

const products = resolve(import.meta.dirname, '../../../../products');
let pbc: Contract;

beforeAll(async () => {
  pbc = await extractContract(join(products, 'pbc-trial'));
});

/** pbc-trial with versions set and kaplan-meier's confType parameter optionally removed (a protocol-level break). */
function variant(options: {
  product?: string;
  km?: string;
  breakKm?: boolean;
  dropAttribute?: boolean;
}): Contract {
  return {
    ...pbc,
    product: { ...pbc.product, version: options.product ?? pbc.product.version },
    attributes: options.dropAttribute
      ? pbc.attributes.filter((attribute) => attribute.id !== 'copper')
      : pbc.attributes,
    protocols: pbc.protocols.map((protocol) => {
      if (protocol.id !== 'kaplan-meier') return protocol;
      const { confType: _confType, ...rest } = protocol.parameters;
      return {
        ...protocol,
        version: options.km ?? protocol.version,
        parameters: options.breakKm ? rest : protocol.parameters,
      };
    }),
  };
}

function verdict(after: Contract) {
  return checkVersionBumps(pbc, after, diffContracts(pbc, after));
}

describe('checkVersionBumps', () => {
  it('passes when nothing changed, and when only compatible changes come without a bump', () => {
    expect(verdict(pbc)).toEqual({ ok: true, breaking: 0, violations: [] });
    const added = { ...pbc, endpoints: [...pbc.endpoints, { id: 'transplant' }] };
    expect(verdict(added).ok).toBe(true);
  });

  it('fails a protocol-level break without bumps, naming the product and the protocol', () => {
    const result = verdict(variant({ breakKm: true, product: '1.1.0' }));
    expect(result.ok).toBe(false);
    expect(result.breaking).toBe(1);
    expect(result.violations).toEqual([
      {
        from: '1.0.0',
        to: '1.1.0',
        needed: '2.0.0',
        message: 'product pbc-trial: breaking changes need a major version bump, 1.0.0 → 1.1.0 (needs 2.0.0)',
      },
      {
        protocol: 'kaplan-meier',
        from: '1.0.0',
        to: '1.0.0',
        needed: '2.0.0',
        message:
          'protocol kaplan-meier: breaking changes need a major version bump, 1.0.0 → 1.0.0 (needs 2.0.0)',
      },
    ]);
  });

  it('needs the protocol bumped too, not only the product', () => {
    const productOnly = verdict(variant({ breakKm: true, product: '2.0.0' }));
    expect(productOnly.ok).toBe(false);
    expect(productOnly.violations.map((violation) => violation.protocol)).toEqual(['kaplan-meier']);
    expect(verdict(variant({ breakKm: true, product: '2.0.0', km: '2.0.0' })).ok).toBe(true);
  });

  it('needs only the product bumped for a break of the model', () => {
    expect(verdict(variant({ dropAttribute: true })).ok).toBe(false);
    expect(verdict(variant({ dropAttribute: true, product: '2.0.0' }))).toMatchObject({
      ok: true,
      breaking: 1,
    });
  });

  it('refuses versions that go backwards', () => {
    const result = verdict(variant({ product: '0.9.0', km: '0.1.0' }));
    expect(result.ok).toBe(false);
    expect(result.violations.map((violation) => violation.message)).toEqual([
      'product pbc-trial: version went backwards, 1.0.0 → 0.9.0',
      'protocol kaplan-meier: version went backwards, 1.0.0 → 0.1.0',
    ]);
  });

  it('orders versions as semver does', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('2.0.0-rc.1', '2.0.0')).toBe(-1);
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
  });
});
