import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ConflictError, InputError, NotFoundError } from '@plexus/spec';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ControlStore,
  NewAuditEntry,
  NewRunRecord,
  RunOutcome,
  User,
} from '../../src/control/ControlStore.ts';
import { loadMigrations } from '../../src/control/migrations/loadMigrations.ts';
import { openControlStore } from '../../src/control/openControlStore.ts';
import {
  hashTokenSecret,
  parsePresentedToken,
  tokenIsLive,
  tokenSecretMatches,
} from '../../src/control/tokens.ts';

/** What the suite needs from a backend beyond the store itself. */
export interface ConformanceBackend {
  name: 'sqlite' | 'postgres';
  /** A new, empty database; the URL openControlStore takes. */
  freshDatabase(): Promise<string>;
  /** One statement on a connection of its own, bypassing the store; resolves to its rows. */
  raw(url: string, sql: string): Promise<Record<string, unknown>[]>;
  /** Removes whatever freshDatabase made. */
  dispose(): Promise<void>;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CHILD = fileURLToPath(new URL('./openInChild.ts', import.meta.url));
const run = promisify(execFile);

function methodNames(object: object): string[] {
  const names = new Set<string>();
  for (
    let p = Object.getPrototypeOf(object);
    p !== null && p !== Object.prototype;
    p = Object.getPrototypeOf(p)
  ) {
    for (const name of Object.getOwnPropertyNames(p)) names.add(name);
  }
  return [...names];
}

/** Registers the suite inside the caller's describe; `backend` is asked for nothing until tests run. */
export function controlStoreConformance(backend: () => ConformanceBackend): void {
  let url: string;
  let store: ControlStore;
  const opened: ControlStore[] = [];

  async function open(at = url): Promise<ControlStore> {
    const s = await openControlStore(at);
    opened.push(s);
    return s;
  }

  function user(
    subject: string,
    name = subject,
    issuer: string | null = 'https://id.example.org',
  ): Promise<User> {
    return store.upsertUserFromIdentity({ subject, issuer, name, email: `${subject}@example.org` });
  }

  function auditEntry(overrides: Partial<NewAuditEntry> = {}): NewAuditEntry {
    return {
      at: '2025-03-01T10:00:00.000Z',
      userId: 'u1',
      tokenId: null,
      action: 'protocol.run',
      productId: 'cohort-a',
      dataVersion: '1.0.0',
      protocolId: 'survival',
      paramsHash: 'abc',
      outcome: 'allowed',
      status: 200,
      requestId: 'req-1',
      ...overrides,
    };
  }

  beforeEach(async () => {
    url = await backend().freshDatabase();
    store = await open();
  });

  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });

  afterAll(async () => {
    await backend().dispose();
  });

  describe('users', () => {
    it('creates a user from an identity, with an ISO timestamp and no admin rights', async () => {
      const created = await user('sub-1', 'Ada');
      expect(created).toEqual({
        id: expect.any(String),
        subject: 'sub-1',
        issuer: 'https://id.example.org',
        name: 'Ada',
        email: 'sub-1@example.org',
        admin: false,
        createdAt: expect.stringMatching(ISO),
      });
      expect(await store.getUser(created.id)).toEqual(created);
    });

    it('refreshes name and email on the next sign-in, keeping id, creation time and admin', async () => {
      const first = await user('sub-1', 'Ada');
      await store.setAdmin(first.id, true);
      const again = await store.upsertUserFromIdentity({
        subject: 'sub-1',
        issuer: 'https://id.example.org',
        name: 'Ada Lovelace',
        email: null,
      });
      expect(again).toEqual({ ...first, name: 'Ada Lovelace', email: null, admin: true });
      expect(await store.listUsers()).toHaveLength(1);
    });

    it('keeps subjects apart per issuer, and local accounts apart from both', async () => {
      const a = await user('same', 'A', 'https://a.example.org');
      const b = await user('same', 'B', 'https://b.example.org');
      const local = await store.upsertUserFromIdentity({
        subject: 'same',
        issuer: null,
        name: 'L',
        email: null,
      });
      expect(new Set([a.id, b.id, local.id]).size).toBe(3);
      expect(local.issuer).toBeNull();
      expect((await store.findUserBySubject('same', 'https://b.example.org'))?.id).toBe(b.id);
      expect((await store.findUserBySubject('same', null))?.id).toBe(local.id);
      expect(await store.findUserBySubject('other', null)).toBeNull();
    });

    it('sets admin and reports unknown users', async () => {
      const u = await user('sub-1');
      expect((await store.setAdmin(u.id, true)).admin).toBe(true);
      expect((await store.getUser(u.id))?.admin).toBe(true);
      expect((await store.setAdmin(u.id, false)).admin).toBe(false);
      await expect(store.setAdmin('nobody', true)).rejects.toBeInstanceOf(NotFoundError);
      expect(await store.getUser('nobody')).toBeNull();
    });

    it('round-trips unicode names and sorts users by name', async () => {
      const names = ['Zoë Ångström', '李小龍', 'Émile 🧬 Durand', 'Ōta Sō'];
      for (const [i, name] of names.entries()) await user(`s${i}`, name);
      const listed = await store.listUsers();
      expect(listed.map((u) => u.name).sort()).toEqual([...names].sort());
      expect(listed.map((u) => u.name)).toEqual([...listed.map((u) => u.name)].sort());
      expect((await store.findUserBySubject('s1', 'https://id.example.org'))?.name).toBe('李小龍');
    });
  });

  describe('groups', () => {
    it('creates groups with unique names and lists them', async () => {
      const g = await store.createGroup('oncology');
      expect(g).toEqual({
        id: expect.any(String),
        name: 'oncology',
        external: false,
        createdAt: expect.stringMatching(ISO),
      });
      await expect(store.createGroup('oncology')).rejects.toBeInstanceOf(ConflictError);
      await store.createGroup('Kardiologie – Zürich');
      expect((await store.listGroups()).map((x) => x.name)).toEqual(['Kardiologie – Zürich', 'oncology']);
      await expect(store.createGroup('  ')).rejects.toBeInstanceOf(InputError);
    });

    it('adds and removes members', async () => {
      const g = await store.createGroup('oncology');
      const a = await user('a');
      const b = await user('b');
      await store.addMember(g.id, a.id);
      await store.addMember(g.id, a.id);
      await store.addMember(g.id, b.id);
      expect((await store.listMembers(g.id)).map((u) => u.id).sort()).toEqual([a.id, b.id].sort());
      expect((await store.groupsOfUser(a.id)).map((x) => x.id)).toEqual([g.id]);
      expect(await store.removeMember(g.id, a.id)).toBe(true);
      expect(await store.removeMember(g.id, a.id)).toBe(false);
      expect(await store.groupsOfUser(a.id)).toEqual([]);
      await expect(store.addMember('no-group', b.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.addMember(g.id, 'no-user')).rejects.toBeInstanceOf(NotFoundError);
    });

    it('replaces external memberships on sync and leaves local ones alone', async () => {
      const u = await user('a');
      const local = await store.createGroup('oncology');
      await store.addMember(local.id, u.id);
      const first = await store.syncExternalGroups(u.id, ['oncology', 'trials']);
      expect(first.map((g) => [g.name, g.external])).toEqual([
        ['oncology', true],
        ['trials', true],
      ]);
      expect(first[0]?.id).not.toBe(local.id);
      await store.syncExternalGroups(u.id, ['trials', 'genomics']);
      const mine = await store.groupsOfUser(u.id);
      expect(mine.map((g) => `${g.name}:${g.external}`)).toEqual([
        'genomics:true',
        'oncology:false',
        'trials:true',
      ]);
      await store.syncExternalGroups(u.id, []);
      expect((await store.groupsOfUser(u.id)).map((g) => g.id)).toEqual([local.id]);
      await expect(store.addMember(first[1]?.id ?? '', u.id)).rejects.toBeInstanceOf(ConflictError);
      await expect(store.syncExternalGroups('nobody', ['x'])).rejects.toBeInstanceOf(NotFoundError);
    });

    it('deletes a group with its memberships, grants, ownerships and protocol restrictions', async () => {
      const g = await store.createGroup('oncology');
      const keep = await store.createGroup('keep');
      const u = await user('a');
      await store.addMember(g.id, u.id);
      await store.grant({
        productId: 'p',
        principal: { kind: 'group', id: g.id },
        role: 'analyst',
        grantedBy: u.id,
      });
      await store.setProductAccess({
        productId: 'p',
        visibility: 'private',
        owners: [
          { kind: 'group', id: g.id },
          { kind: 'user', id: u.id },
        ],
      });
      await store.restrictProtocol('p', 'survival', [g.id, keep.id]);
      await store.deleteGroup(g.id);
      expect((await store.listGroups()).map((x) => x.id)).toEqual([keep.id]);
      expect(await store.groupsOfUser(u.id)).toEqual([]);
      expect(await store.listGrantsForProduct('p')).toEqual([]);
      expect((await store.getProductAccess('p'))?.owners).toEqual([{ kind: 'user', id: u.id }]);
      expect((await store.getProtocolRestriction('p', 'survival'))?.groupIds).toEqual([keep.id]);
      await expect(store.deleteGroup(g.id)).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('API tokens', () => {
    it('returns the secret once and stores only its SHA-256', async () => {
      const u = await user('a');
      const created = await store.createToken({
        userId: u.id,
        name: 'laptop',
        scopes: ['read', 'run'],
        expiresAt: null,
      });
      const parts = parsePresentedToken(created.presented);
      expect(parts?.id).toBe(created.token.id);
      const stored = await store.findToken(created.token.id);
      expect(stored?.secretHash).toBe(hashTokenSecret(parts?.secret ?? ''));
      expect(stored?.secretHash).toMatch(/^[0-9a-f]{64}$/);
      expect(tokenSecretMatches(stored!, parts?.secret ?? '')).toBe(true);
      expect(tokenSecretMatches(stored!, `${parts?.secret}x`)).toBe(false);
      const rows = await backend().raw(url, 'SELECT * FROM api_tokens');
      expect(JSON.stringify(rows)).not.toContain(parts?.secret);
    });

    it('never returns the hash when listing or creating', async () => {
      const u = await user('a');
      const created = await store.createToken({
        userId: u.id,
        name: 'ci',
        scopes: ['export'],
        expiresAt: null,
      });
      expect(created.token).not.toHaveProperty('secretHash');
      const listed = await store.listTokens(u.id);
      expect(listed).toEqual([created.token]);
      expect(listed[0]).not.toHaveProperty('secretHash');
      const hash = (await store.findToken(created.token.id))?.secretHash ?? 'missing';
      expect(JSON.stringify(listed)).not.toContain(hash);
      expect(created.token).toEqual({
        id: expect.any(String),
        userId: u.id,
        name: 'ci',
        scopes: ['export'],
        createdAt: expect.stringMatching(ISO),
        expiresAt: null,
        revokedAt: null,
        lastUsedAt: null,
      });
    });

    it('makes revocation visible at once, also to another store on the same database', async () => {
      const u = await user('a');
      const other = await open();
      const { token } = await store.createToken({
        userId: u.id,
        name: 'laptop',
        scopes: ['read'],
        expiresAt: null,
      });
      expect(tokenIsLive((await other.findToken(token.id))!, new Date().toISOString())).toBe(true);
      await store.revokeToken(token.id, '2025-05-01T00:00:00Z');
      const seen = await other.findToken(token.id);
      expect(seen?.revokedAt).toBe('2025-05-01T00:00:00.000Z');
      expect(tokenIsLive(seen!, new Date().toISOString())).toBe(false);
      await store.revokeToken(token.id, '2025-06-01T00:00:00Z');
      expect((await store.findToken(token.id))?.revokedAt).toBe('2025-05-01T00:00:00.000Z');
      await expect(store.revokeToken('tok_missing')).rejects.toBeInstanceOf(NotFoundError);
    });

    it('keeps live token names unique per user and frees a name on revocation', async () => {
      const a = await user('a');
      const b = await user('b');
      const first = await store.createToken({
        userId: a.id,
        name: 'laptop',
        scopes: ['read'],
        expiresAt: null,
      });
      await expect(
        store.createToken({ userId: a.id, name: 'laptop', scopes: ['read'], expiresAt: null }),
      ).rejects.toBeInstanceOf(ConflictError);
      await store.createToken({ userId: b.id, name: 'laptop', scopes: ['read'], expiresAt: null });
      await store.revokeToken(first.token.id);
      const second = await store.createToken({
        userId: a.id,
        name: 'laptop',
        scopes: ['read'],
        expiresAt: null,
      });
      expect(second.token.id).not.toBe(first.token.id);
      expect(await store.listTokens(a.id)).toHaveLength(2);
    });

    it('rejects unknown scopes and users, and normalises expiry', async () => {
      const u = await user('a');
      await expect(
        store.createToken({ userId: u.id, name: 'x', scopes: ['root' as 'read'], expiresAt: null }),
      ).rejects.toBeInstanceOf(InputError);
      await expect(
        store.createToken({ userId: u.id, name: 'x', scopes: [], expiresAt: null }),
      ).rejects.toBeInstanceOf(InputError);
      await expect(
        store.createToken({ userId: 'nobody', name: 'x', scopes: ['read'], expiresAt: null }),
      ).rejects.toBeInstanceOf(NotFoundError);
      const { token } = await store.createToken({
        userId: u.id,
        name: 'x',
        scopes: ['admin'],
        expiresAt: '2030-01-01T01:00:00+01:00',
      });
      expect(token.expiresAt).toBe('2030-01-01T00:00:00.000Z');
      expect(tokenIsLive(token, '2029-12-31T23:59:59.000Z')).toBe(true);
      expect(tokenIsLive(token, '2030-01-01T00:00:00.000Z')).toBe(false);
    });

    it('records last use and never moves it backwards', async () => {
      const u = await user('a');
      const { token } = await store.createToken({
        userId: u.id,
        name: 'x',
        scopes: ['read'],
        expiresAt: null,
      });
      await store.touchToken(token.id, '2025-04-02T00:00:00.000Z');
      await store.touchToken(token.id, '2025-04-01T00:00:00.000Z');
      expect((await store.findToken(token.id))?.lastUsedAt).toBe('2025-04-02T00:00:00.000Z');
      await store.touchToken(token.id, '2025-04-03T00:00:00.000Z');
      expect((await store.listTokens(u.id))[0]?.lastUsedAt).toBe('2025-04-03T00:00:00.000Z');
    });
  });

  describe('product access and grants', () => {
    it('sets and replaces visibility and owners, in order', async () => {
      const a = await user('a');
      const g = await store.createGroup('oncology');
      expect(await store.getProductAccess('p')).toBeNull();
      await store.setProductAccess({
        productId: 'p',
        visibility: 'private',
        owners: [
          { kind: 'user', id: a.id },
          { kind: 'group', id: g.id },
        ],
      });
      expect(await store.getProductAccess('p')).toEqual({
        productId: 'p',
        visibility: 'private',
        owners: [
          { kind: 'user', id: a.id },
          { kind: 'group', id: g.id },
        ],
      });
      await store.setProductAccess({
        productId: 'p',
        visibility: 'public',
        owners: [{ kind: 'group', id: g.id }],
      });
      expect(await store.getProductAccess('p')).toEqual({
        productId: 'p',
        visibility: 'public',
        owners: [{ kind: 'group', id: g.id }],
      });
    });

    it('refuses unknown owners and leaves the previous access untouched', async () => {
      const a = await user('a');
      await store.setProductAccess({
        productId: 'p',
        visibility: 'private',
        owners: [{ kind: 'user', id: a.id }],
      });
      await expect(
        store.setProductAccess({
          productId: 'p',
          visibility: 'public',
          owners: [{ kind: 'group', id: 'ghost' }],
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        store.setProductAccess({ productId: 'p', visibility: 'secret' as 'public', owners: [] }),
      ).rejects.toBeInstanceOf(InputError);
      expect(await store.getProductAccess('p')).toEqual({
        productId: 'p',
        visibility: 'private',
        owners: [{ kind: 'user', id: a.id }],
      });
    });

    it('grants, replaces, lists and revokes roles', async () => {
      const admin = await user('admin');
      const a = await user('a');
      const g = await store.createGroup('oncology');
      const toUser = { kind: 'user', id: a.id } as const;
      const toGroup = { kind: 'group', id: g.id } as const;
      const granted = await store.grant({
        productId: 'p',
        principal: toUser,
        role: 'viewer',
        grantedBy: admin.id,
      });
      expect(granted.grantedAt).toMatch(ISO);
      await store.grant({
        productId: 'p',
        principal: toUser,
        role: 'exporter',
        grantedBy: admin.id,
        grantedAt: '2025-01-02T03:04:05Z',
      });
      await store.grant({ productId: 'p', principal: toGroup, role: 'analyst', grantedBy: admin.id });
      await store.grant({ productId: 'q', principal: toUser, role: 'owner', grantedBy: admin.id });
      const onP = await store.listGrantsForProduct('p');
      expect(onP.map((x) => [x.principal.kind, x.role])).toEqual([
        ['group', 'analyst'],
        ['user', 'exporter'],
      ]);
      expect(onP[1]?.grantedAt).toBe('2025-01-02T03:04:05.000Z');
      expect((await store.listGrantsForPrincipal(toUser)).map((x) => [x.productId, x.role])).toEqual([
        ['p', 'exporter'],
        ['q', 'owner'],
      ]);
      expect(await store.revokeGrant('p', toUser)).toBe(true);
      expect(await store.revokeGrant('p', toUser)).toBe(false);
      expect((await store.listGrantsForPrincipal(toUser)).map((x) => x.productId)).toEqual(['q']);
    });

    it('refuses grants to unknown principals and unknown roles', async () => {
      const admin = await user('admin');
      await expect(
        store.grant({
          productId: 'p',
          principal: { kind: 'user', id: 'ghost' },
          role: 'viewer',
          grantedBy: admin.id,
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        store.grant({
          productId: 'p',
          principal: { kind: 'user', id: admin.id },
          role: 'god' as 'owner',
          grantedBy: 'x',
        }),
      ).rejects.toBeInstanceOf(InputError);
      expect(await store.listGrantsForProduct('p')).toEqual([]);
    });

    it('restricts protocols to groups, replaces and lifts restrictions', async () => {
      const a = await store.createGroup('a');
      const b = await store.createGroup('b');
      expect(await store.getProtocolRestriction('p', 'survival')).toBeNull();
      await store.restrictProtocol('p', 'survival', [a.id, b.id, a.id]);
      expect((await store.getProtocolRestriction('p', 'survival'))?.groupIds.sort()).toEqual(
        [a.id, b.id].sort(),
      );
      await store.restrictProtocol('p', 'survival', [b.id]);
      expect(await store.getProtocolRestriction('p', 'survival')).toEqual({
        productId: 'p',
        protocolId: 'survival',
        groupIds: [b.id],
      });
      await expect(store.restrictProtocol('p', 'survival', [a.id, 'ghost'])).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect((await store.getProtocolRestriction('p', 'survival'))?.groupIds).toEqual([b.id]);
      await store.restrictProtocol('p', 'survival', []);
      expect((await store.getProtocolRestriction('p', 'survival'))?.groupIds).toEqual([]);
      await store.restrictProtocol('p', 'survival', null);
      expect(await store.getProtocolRestriction('p', 'survival')).toBeNull();
    });
  });

  describe('audit', () => {
    it('appends entries with increasing ids and reads them back newest first', async () => {
      const first = await store.appendAudit(auditEntry({ at: '2025-03-01T10:00:00Z', requestId: 'r1' }));
      const second = await store.appendAudit(
        auditEntry({
          at: '2025-03-01T11:00:00.000Z',
          requestId: 'r2',
          userId: null,
          productId: null,
          outcome: 'denied',
          status: 403,
        }),
      );
      expect(second.id).toBeGreaterThan(first.id);
      expect(first).toEqual({
        ...auditEntry({ requestId: 'r1' }),
        id: first.id,
        at: '2025-03-01T10:00:00.000Z',
      });
      const page = await store.queryAudit({ limit: 10 });
      expect(page.entries.map((e) => e.requestId)).toEqual(['r2', 'r1']);
      expect(page.entries[0]).toEqual(second);
      expect(page.next).toBeNull();
    });

    it('orders by time, not by arrival, and pages with a cursor through ties', async () => {
      // Arrival order differs from time order, and several entries share a timestamp.
      const times = ['10:00', '12:00', '11:00', '11:00', '11:00', '09:00', '12:00'];
      for (const [i, t] of times.entries()) {
        await store.appendAudit(auditEntry({ at: `2025-03-01T${t}:00.000Z`, requestId: `r${i}` }));
      }
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await store.queryAudit({ limit: 2, ...(after === undefined ? {} : { after }) });
        seen.push(...page.entries.map((e) => `${e.at.slice(11, 16)} ${e.requestId}`));
        after = page.next ?? undefined;
        pages++;
      } while (after !== undefined);
      expect(pages).toBe(4);
      expect(seen).toEqual([
        '12:00 r6',
        '12:00 r1',
        '11:00 r4',
        '11:00 r3',
        '11:00 r2',
        '10:00 r0',
        '09:00 r5',
      ]);
      // Entries appended after a page was read do not shift the next page.
      const firstPage = await store.queryAudit({ limit: 3 });
      await store.appendAudit(auditEntry({ at: '2025-03-01T13:00:00.000Z', requestId: 'late' }));
      const next = await store.queryAudit({ limit: 3, after: firstPage.next ?? '' });
      expect(next.entries.map((e) => e.requestId)).toEqual(['r3', 'r2', 'r0']);
    });

    it('filters by products, user and time range', async () => {
      await store.appendAudit(
        auditEntry({ at: '2025-03-01T10:00:00Z', productId: 'a', userId: 'u1', requestId: '1' }),
      );
      await store.appendAudit(
        auditEntry({ at: '2025-03-02T10:00:00Z', productId: 'b', userId: 'u2', requestId: '2' }),
      );
      await store.appendAudit(
        auditEntry({ at: '2025-03-03T10:00:00Z', productId: 'c', userId: 'u1', requestId: '3' }),
      );
      await store.appendAudit(
        auditEntry({ at: '2025-03-04T10:00:00Z', productId: null, userId: 'u1', requestId: '4' }),
      );
      const ids = async (q: Parameters<ControlStore['queryAudit']>[0]) =>
        (await store.queryAudit(q)).entries.map((e) => e.requestId);
      expect(await ids({ limit: 10, productIds: ['a', 'c'] })).toEqual(['3', '1']);
      expect(await ids({ limit: 10, productIds: [] })).toEqual([]);
      expect(await ids({ limit: 10, userId: 'u1' })).toEqual(['4', '3', '1']);
      expect(await ids({ limit: 10, from: '2025-03-02T10:00:00Z', to: '2025-03-04T10:00:00Z' })).toEqual([
        '3',
        '2',
      ]);
      expect(
        await ids({ limit: 10, userId: 'u1', productIds: ['b', 'c'], from: '2025-03-01T00:00:00+02:00' }),
      ).toEqual(['3']);
    });

    it('refuses bad limits, cursors and outcomes', async () => {
      await expect(store.queryAudit({ limit: 0 })).rejects.toBeInstanceOf(InputError);
      await expect(store.queryAudit({ limit: 100_000 })).rejects.toBeInstanceOf(InputError);
      await expect(store.queryAudit({ limit: 5, after: 'not-a-cursor' })).rejects.toBeInstanceOf(InputError);
      await expect(store.queryAudit({ limit: 5, from: 'yesterday' })).rejects.toBeInstanceOf(InputError);
      await expect(store.appendAudit(auditEntry({ outcome: 'maybe' as 'allowed' }))).rejects.toBeInstanceOf(
        InputError,
      );
    });

    it('is append-only: the store has no way to change entries and the database refuses UPDATE and DELETE', async () => {
      const entry = await store.appendAudit(auditEntry());
      const methods = methodNames(store);
      expect(methods.filter((m) => /audit/i.test(m)).sort()).toEqual(['appendAudit', 'queryAudit']);
      await expect(backend().raw(url, "UPDATE audit_log SET outcome = 'denied'")).rejects.toThrow(
        /append-only/,
      );
      await expect(backend().raw(url, 'DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      await expect(backend().raw(url, `DELETE FROM audit_log WHERE id = ${entry.id}`)).rejects.toThrow(
        /append-only/,
      );
      expect((await store.queryAudit({ limit: 10 })).entries).toEqual([entry]);
    });
  });

  describe('runs', () => {
    function newRun(overrides: Partial<NewRunRecord> = {}): NewRunRecord {
      return {
        userId: null,
        node: 'node-a',
        status: 'running',
        startedAt: '2025-04-01T09:00:00.000Z',
        finishedAt: null,
        durationMs: null,
        productId: 'va-lung-trial',
        productVersion: '1.0.0',
        definitionHash: '0123456789abcdef',
        gitCommit: null,
        dataVersion: 'fedcba9876543210',
        engineVersion: '0.1.0',
        protocolId: 'kaplan-meier',
        protocolVersion: '1.0.0',
        pluginSha256: 'a'.repeat(64),
        params: { groupBy: 'arm', cohort: { all: [{ attribute: 'age', gte: 60 }] }, confLevel: 0.95 },
        requestKey: 'k'.repeat(64),
        resultHash: null,
        error: null,
        reusedFrom: null,
        rerunOf: null,
        ...overrides,
      };
    }
    const outcome = (overrides: Partial<RunOutcome> = {}): RunOutcome => ({
      status: 'succeeded',
      finishedAt: '2025-04-01T09:00:02.500Z',
      durationMs: 2500,
      resultHash: 'r'.repeat(64),
      error: null,
      ...overrides,
    });

    it('records a run with every version and its parameters, and finishes it once', async () => {
      const ada = await user('ada');
      const created = await store.createRun(newRun({ userId: ada.id }));
      expect(created).toMatchObject({ ...newRun({ userId: ada.id }), id: expect.any(String) });
      expect(await store.getRun(created.id)).toEqual(created);
      const finished = await store.finishRun(created.id, outcome());
      expect(finished).toEqual({ ...created, ...outcome() });
      // A run that already ended cannot end again (a cancellation racing the end of the run).
      expect(await store.finishRun(created.id, outcome({ status: 'cancelled' }))).toBeNull();
      expect((await store.getRun(created.id))?.status).toBe('succeeded');
      expect(await store.getRun('no-such-run')).toBeNull();
    });

    it('keeps a failed run with its error', async () => {
      const created = await store.createRun(newRun());
      const failed = await store.finishRun(
        created.id,
        outcome({ status: 'failed', resultHash: null, error: { code: 'PLUGIN_FAILED', message: 'boom' } }),
      );
      expect(failed?.error).toEqual({ code: 'PLUGIN_FAILED', message: 'boom' });
      expect(failed?.resultHash).toBeNull();
    });

    it("finds the user's newest succeeded run of a request key to reuse", async () => {
      const ada = await user('ada');
      const bob = await user('bob');
      expect(await store.findReusableRun('k'.repeat(64), ada.id)).toBeNull();
      const old = await store.createRun(newRun({ userId: ada.id }));
      await store.finishRun(old.id, outcome());
      const newer = await store.createRun(newRun({ userId: ada.id, startedAt: '2025-04-02T09:00:00.000Z' }));
      await store.finishRun(newer.id, outcome());
      const failed = await store.createRun(newRun({ userId: ada.id, startedAt: '2025-04-03T09:00:00.000Z' }));
      await store.finishRun(failed.id, outcome({ status: 'failed', resultHash: null }));
      await store.createRun(newRun({ userId: ada.id, startedAt: '2025-04-04T09:00:00.000Z' }));
      const anonymous = await store.createRun(newRun({ startedAt: '2025-04-05T09:00:00.000Z' }));
      await store.finishRun(anonymous.id, outcome());
      expect((await store.findReusableRun('k'.repeat(64), ada.id))?.id).toBe(newer.id);
      // Another user's runs never answer: reuse would tell who asked what.
      expect(await store.findReusableRun('k'.repeat(64), bob.id)).toBeNull();
      expect((await store.findReusableRun('k'.repeat(64), null))?.id).toBe(anonymous.id);
      expect(await store.findReusableRun('x'.repeat(64), ada.id)).toBeNull();
    });

    it("fails only the restarted node's unfinished runs", async () => {
      const mine = await store.createRun(newRun({ node: 'node-a' }));
      const theirs = await store.createRun(newRun({ node: 'node-b' }));
      const done = await store.createRun(newRun({ node: 'node-a' }));
      await store.finishRun(done.id, outcome());
      expect(await store.failInterruptedRuns('node-a', '2025-04-01T10:00:00.000Z')).toBe(1);
      expect(await store.getRun(mine.id)).toMatchObject({
        status: 'failed',
        finishedAt: '2025-04-01T10:00:00.000Z',
        error: { code: 'NODE_RESTARTED' },
      });
      expect((await store.getRun(theirs.id))?.status).toBe('running');
      expect((await store.getRun(done.id))?.status).toBe('succeeded');
    });

    it("lists a user's runs newest first, filtered and paged by cursor", async () => {
      const ada = await user('ada');
      const bob = await user('bob');
      const ids: string[] = [];
      for (let day = 1; day <= 5; day++) {
        const run = await store.createRun(
          newRun({
            userId: ada.id,
            startedAt: `2025-04-0${day}T09:00:00.000Z`,
            protocolId: day % 2 === 0 ? 'cox-regression' : 'kaplan-meier',
          }),
        );
        ids.push(run.id);
      }
      await store.createRun(newRun({ userId: bob.id }));
      const first = await store.listRuns({ userId: ada.id, limit: 2 });
      expect(first.runs.map((run) => run.id)).toEqual([ids[4], ids[3]]);
      const second = await store.listRuns({ userId: ada.id, limit: 2, after: first.next as string });
      const third = await store.listRuns({ userId: ada.id, limit: 2, after: second.next as string });
      expect([...second.runs, ...third.runs].map((run) => run.id)).toEqual([ids[2], ids[1], ids[0]]);
      expect(third.next).toBeNull();
      const cox = await store.listRuns({ userId: ada.id, protocolId: 'cox-regression', limit: 10 });
      expect(cox.runs.map((run) => run.id)).toEqual([ids[3], ids[1]]);
      const window = await store.listRuns({
        userId: ada.id,
        from: '2025-04-02T00:00:00Z',
        to: '2025-04-04T00:00:00Z',
        limit: 10,
      });
      expect(window.runs.map((run) => run.id)).toEqual([ids[2], ids[1]]);
      expect((await store.listRuns({ limit: 10 })).runs).toHaveLength(6);
      await expect(store.listRuns({ limit: 0 })).rejects.toThrow(InputError);
      await expect(store.listRuns({ limit: 5, after: 'garbage' })).rejects.toThrow(InputError);
    });
  });

  describe('migrations', () => {
    it('are recorded once per version and reopening changes nothing', async () => {
      const migrations = loadMigrations(backend().name);
      const u = await user('a', 'Zoë');
      await store.close();
      const again = await open();
      expect((await again.getUser(u.id))?.name).toBe('Zoë');
      const rows = await backend().raw(url, 'SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => Number(r.version))).toEqual(migrations.map((m) => m.version));
    });

    it('are safe when two stores open a fresh database at once', async () => {
      const fresh = await backend().freshDatabase();
      const [a, b] = await Promise.all([open(fresh), open(fresh)]);
      await a.createGroup('from-a');
      await b.createGroup('from-b');
      expect((await a.listGroups()).map((g) => g.name)).toEqual(['from-a', 'from-b']);
      const rows = await backend().raw(fresh, 'SELECT count(*) AS n FROM schema_migrations');
      expect(Number(rows[0]?.n)).toBe(loadMigrations(backend().name).length);
    });

    it('are safe when separate processes open a fresh database at once', async () => {
      const fresh = await backend().freshDatabase();
      const subjects = ['local:one', 'local:two', 'local:three'];
      const outputs = await Promise.all(
        subjects.map((s) => run(process.execPath, ['--import', 'tsx', CHILD, fresh, s], { timeout: 60_000 })),
      );
      expect(outputs.every((o) => o.stdout.trim().length > 0)).toBe(true);
      const reader = await open(fresh);
      expect((await reader.listUsers()).map((u) => u.subject).sort()).toEqual([...subjects].sort());
      const rows = await backend().raw(fresh, 'SELECT count(*) AS n FROM schema_migrations');
      expect(Number(rows[0]?.n)).toBe(loadMigrations(backend().name).length);
    }, 90_000);

    it('serialise concurrent sign-ins of the same new user into one user', async () => {
      const other = await open();
      const identity = { subject: 'race', issuer: null, name: 'R', email: null };
      const results = await Promise.all([
        store.upsertUserFromIdentity(identity),
        other.upsertUserFromIdentity(identity),
        store.upsertUserFromIdentity(identity),
      ]);
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(await other.listUsers()).toHaveLength(1);
    });
  });
}
