import type {
  ApiToken,
  AuditEntry,
  AuditPage,
  AuditQuery,
  ControlStore,
  CreatedApiToken,
  Grant,
  Group,
  NewApiToken,
  NewAuditEntry,
  NewRunRecord,
  Principal,
  ProductAccess,
  ProtocolRestriction,
  RunOutcome,
  RunPage,
  RunQuery,
  RunRecord,
  StoredApiToken,
  User,
  UserIdentity,
} from './ControlStore.ts';
import type { SqlDriver } from './sql/SqlDriver.ts';
import * as tokens from './store/apiTokens.ts';
import * as audit from './store/audit.ts';
import * as grants from './store/grants.ts';
import * as groups from './store/groups.ts';
import * as access from './store/productAccess.ts';
import * as runs from './store/runs.ts';
import * as users from './store/users.ts';

/**
 * The control store over any SqlDriver: SQLite and PostgreSQL differ only in their driver and their
 * migrations, so behaviour cannot drift between them. Methods whose writes must hold together run in
 * one transaction.
 */
export class SqlControlStore implements ControlStore {
  readonly #db: SqlDriver;

  constructor(driver: SqlDriver) {
    this.#db = driver;
  }

  upsertUserFromIdentity(identity: UserIdentity, at?: string): Promise<User> {
    return users.upsertUserFromIdentity(this.#db, identity, at);
  }

  getUser(id: string): Promise<User | null> {
    return users.getUser(this.#db, id);
  }

  findUserBySubject(subject: string, issuer: string | null): Promise<User | null> {
    return users.findUserBySubject(this.#db, subject, issuer);
  }

  listUsers(): Promise<User[]> {
    return users.listUsers(this.#db);
  }

  setAdmin(userId: string, admin: boolean): Promise<User> {
    return users.setAdmin(this.#db, userId, admin);
  }

  createGroup(name: string, at?: string): Promise<Group> {
    return groups.createGroup(this.#db, name, at);
  }

  listGroups(): Promise<Group[]> {
    return groups.listGroups(this.#db);
  }

  deleteGroup(groupId: string): Promise<void> {
    return this.#db.transaction((tx) => groups.deleteGroup(tx, groupId));
  }

  addMember(groupId: string, userId: string): Promise<void> {
    return this.#db.transaction((tx) => groups.addMember(tx, groupId, userId));
  }

  removeMember(groupId: string, userId: string): Promise<boolean> {
    return groups.removeMember(this.#db, groupId, userId);
  }

  listMembers(groupId: string): Promise<User[]> {
    return users.listMembers(this.#db, groupId);
  }

  groupsOfUser(userId: string): Promise<Group[]> {
    return groups.groupsOfUser(this.#db, userId);
  }

  syncExternalGroups(userId: string, names: string[]): Promise<Group[]> {
    return this.#db.transaction((tx) => groups.syncExternalGroups(tx, userId, names));
  }

  createToken(token: NewApiToken, at?: string): Promise<CreatedApiToken> {
    return tokens.createToken(this.#db, token, at);
  }

  listTokens(userId: string): Promise<ApiToken[]> {
    return tokens.listTokens(this.#db, userId);
  }

  revokeToken(tokenId: string, at?: string): Promise<void> {
    return tokens.revokeToken(this.#db, tokenId, at);
  }

  findToken(tokenId: string): Promise<StoredApiToken | null> {
    return tokens.findToken(this.#db, tokenId);
  }

  touchToken(tokenId: string, at: string): Promise<void> {
    return tokens.touchToken(this.#db, tokenId, at);
  }

  // Reads on the request path take no transaction: in SQLite that would mean the write lock.
  getProductAccess(productId: string): Promise<ProductAccess | null> {
    return access.getProductAccess(this.#db, productId);
  }

  setProductAccess(productAccess: ProductAccess): Promise<void> {
    return this.#db.transaction((tx) => access.setProductAccess(tx, productAccess));
  }

  grant(input: Omit<Grant, 'grantedAt'> & { grantedAt?: string }): Promise<Grant> {
    return this.#db.transaction((tx) => grants.grant(tx, input));
  }

  revokeGrant(productId: string, principal: Principal): Promise<boolean> {
    return grants.revokeGrant(this.#db, productId, principal);
  }

  listGrantsForProduct(productId: string): Promise<Grant[]> {
    return grants.listGrantsForProduct(this.#db, productId);
  }

  listGrantsForPrincipal(principal: Principal): Promise<Grant[]> {
    return grants.listGrantsForPrincipal(this.#db, principal);
  }

  restrictProtocol(productId: string, protocolId: string, groupIds: string[] | null): Promise<void> {
    return this.#db.transaction((tx) => grants.restrictProtocol(tx, productId, protocolId, groupIds));
  }

  getProtocolRestriction(productId: string, protocolId: string): Promise<ProtocolRestriction | null> {
    return grants.getProtocolRestriction(this.#db, productId, protocolId);
  }

  appendAudit(entry: NewAuditEntry): Promise<AuditEntry> {
    return audit.appendAudit(this.#db, entry);
  }

  queryAudit(query: AuditQuery): Promise<AuditPage> {
    return audit.queryAudit(this.#db, query);
  }

  createRun(run: NewRunRecord): Promise<RunRecord> {
    return runs.createRun(this.#db, run);
  }

  finishRun(id: string, outcome: RunOutcome): Promise<RunRecord | null> {
    return runs.finishRun(this.#db, id, outcome);
  }

  getRun(id: string): Promise<RunRecord | null> {
    return runs.getRun(this.#db, id);
  }

  listRuns(query: RunQuery): Promise<RunPage> {
    return runs.listRuns(this.#db, query);
  }

  findReusableRun(requestKey: string, userId: string | null): Promise<RunRecord | null> {
    return runs.findReusableRun(this.#db, requestKey, userId);
  }

  failInterruptedRuns(node: string, at: string): Promise<number> {
    return runs.failInterruptedRuns(this.#db, node, at);
  }

  close(): Promise<void> {
    return this.#db.close();
  }
}
