import { describe, expect, it } from 'vitest';
import {
  type Caller,
  decideProductAccess,
  type ProductAccessRules,
} from '../../src/gatekeeper/policy/decideProductAccess.ts';
import type { ProductAction } from '../../src/gatekeeper/policy/roles.ts';

const ACTIONS: ProductAction[] = ['see', 'count', 'run', 'export', 'manage'];

const rules = (visibility: 'public' | 'private'): ProductAccessRules => ({
  visibility,
  owners: [{ kind: 'user', id: 'olivia' }],
  grants: [
    { principal: { kind: 'user', id: 'vera' }, role: 'viewer' },
    { principal: { kind: 'group', id: 'oncology' }, role: 'analyst' },
    { principal: { kind: 'user', id: 'ed' }, role: 'exporter' },
    { principal: { kind: 'user', id: 'ed' }, role: 'viewer' },
  ],
});

const callers: Record<string, Caller> = {
  anonymous: { groupIds: [], admin: false },
  stranger: { userId: 'sam', groupIds: ['cardiology'], admin: false },
  viewer: { userId: 'vera', groupIds: [], admin: false },
  analyst: { userId: 'ann', groupIds: ['oncology'], admin: false },
  exporter: { userId: 'ed', groupIds: [], admin: false },
  owner: { userId: 'olivia', groupIds: [], admin: false },
  admin: { userId: 'root', groupIds: [], admin: true },
};

// The expected outcome per caller and action: A allow, F forbidden (403), H hidden (404).
const EXPECTED: Record<'public' | 'private', Record<string, string>> = {
  public: {
    anonymous: 'AAFFF',
    stranger: 'AAFFF',
    viewer: 'AAFFF',
    analyst: 'AAAFF',
    exporter: 'AAAAF',
    owner: 'AAAAA',
    admin: 'AAFFF',
  },
  private: {
    anonymous: 'HHHHH',
    stranger: 'HHHHH',
    viewer: 'AAFFF',
    analyst: 'AAAFF',
    exporter: 'AAAAF',
    owner: 'AAAAA',
    admin: 'HHHHH',
  },
};

const letter = { allow: 'A', forbidden: 'F', hidden: 'H' } as const;

describe('product access', () => {
  for (const visibility of ['public', 'private'] as const) {
    it(`follows the role table on a ${visibility} product`, () => {
      for (const [name, caller] of Object.entries(callers)) {
        const found = ACTIONS.map(
          (action) => letter[decideProductAccess(caller, rules(visibility), action).outcome],
        ).join('');
        expect(`${name} ${found}`).toBe(`${name} ${EXPECTED[visibility][name]}`);
      }
    });
  }

  it('gives every caller the public role of a public product, and no more', () => {
    const open = { ...rules('public'), everyone: 'analyst' as const };
    expect(decideProductAccess(callers.anonymous as Caller, open, 'run')).toEqual({
      outcome: 'allow',
      role: 'public',
    });
    expect(decideProductAccess(callers.anonymous as Caller, open, 'export')).toMatchObject({
      outcome: 'forbidden',
    });
    expect(decideProductAccess(callers.exporter as Caller, open, 'export')).toEqual({
      outcome: 'allow',
      role: 'exporter',
    });
    expect(
      decideProductAccess(callers.anonymous as Caller, { ...open, visibility: 'private' }, 'see').outcome,
    ).toBe('hidden');
  });

  it('takes the strongest of a user grant and group grants', () => {
    const both: Caller = { userId: 'vera', groupIds: ['oncology'], admin: false };
    expect(decideProductAccess(both, rules('private'), 'run')).toEqual({ outcome: 'allow', role: 'analyst' });
  });

  it("bounds every role by the token's scopes", () => {
    const owner = { ...callers.owner, scopes: ['read'] } as Caller;
    expect(decideProductAccess(owner, rules('private'), 'count').outcome).toBe('allow');
    expect(decideProductAccess(owner, rules('private'), 'run')).toMatchObject({ outcome: 'forbidden' });
    expect(decideProductAccess({ ...owner, scopes: ['read', 'run'] }, rules('private'), 'run').outcome).toBe(
      'allow',
    );
    // A scope never makes a hidden product visible.
    expect(
      decideProductAccess(
        { ...callers.stranger, scopes: ['read', 'run', 'export', 'admin'] } as Caller,
        rules('private'),
        'see',
      ).outcome,
    ).toBe('hidden');
  });

  it('names why a call is refused', () => {
    const refusal = decideProductAccess(callers.viewer as Caller, rules('private'), 'export');
    expect(refusal).toEqual({ outcome: 'forbidden', reason: "the viewer role does not allow 'export'" });
    expect(decideProductAccess(callers.stranger as Caller, rules('public'), 'run')).toEqual({
      outcome: 'forbidden',
      reason: "'run' needs a grant on this product",
    });
  });
});
