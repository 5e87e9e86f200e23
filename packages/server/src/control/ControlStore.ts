/**
 * The control plane of a node: who may do what with which product, and what was done. The gatekeeper
 * reads and writes it only through this interface, so the embedded SQLite store and the PostgreSQL store
 * for shared deployments are interchangeable; one conformance suite holds both to the same behaviour.
 *
 * Conventions: every timestamp is an ISO 8601 string in UTC (`2025-01-31T12:00:00.000Z`); ids are opaque
 * strings made by the store; a write that would duplicate a unique thing throws ConflictError; a write
 * that names a missing thing throws NotFoundError; a malformed argument throws InputError.
 */

/** A person (or a local service account) known to the node. */
export interface User {
  id: string;
  /** The OIDC `sub` claim, or `local:<name>` for accounts that do not come from an identity provider. */
  subject: string;
  /** The OIDC issuer; null for local accounts. Subjects are unique per issuer. */
  issuer: string | null;
  name: string;
  email: string | null;
  admin: boolean;
  createdAt: string;
}

/** What an identity provider (or a local account file) says about a user at sign-in. */
export interface UserIdentity {
  subject: string;
  issuer: string | null;
  name: string;
  email: string | null;
}

/**
 * A set of users. Local groups are managed through this store; external groups mirror a claim of the
 * identity provider and their memberships are replaced at each sign-in, so the two never share a
 * namespace: a local `oncology` and an external `oncology` are different groups.
 */
export interface Group {
  id: string;
  name: string;
  external: boolean;
  createdAt: string;
}

export type TokenScope = 'read' | 'run' | 'export' | 'admin';
export const TOKEN_SCOPES: readonly TokenScope[] = ['read', 'run', 'export', 'admin'];

/** A personal API token as its owner and the admin see it: never the secret, never its hash. */
export interface ApiToken {
  /** Public: it is part of the presented token and names the row to verify against. */
  id: string;
  userId: string;
  name: string;
  scopes: TokenScope[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** A token as the verifier needs it: with the SHA-256 of its secret, hex encoded. */
export interface StoredApiToken extends ApiToken {
  secretHash: string;
}

export interface NewApiToken {
  userId: string;
  name: string;
  scopes: TokenScope[];
  expiresAt: string | null;
  /**
   * A token chosen outside the node (`tok_<id>.<secret>`, the secret at least 32 characters), for
   * scripted deployments that set the administrator's token; normally the store draws one.
   */
  presented?: string;
}

/** The only moment a token's secret exists outside its owner's hands. */
export interface CreatedApiToken {
  token: ApiToken;
  /** What the owner presents: `<id>.<secret>`. Shown once; the store keeps only a hash of the secret. */
  presented: string;
}

export interface Principal {
  kind: 'user' | 'group';
  id: string;
}

export type Visibility = 'public' | 'private';

/** Who may see a product at all, and who administers it. */
export interface ProductAccess {
  productId: string;
  visibility: Visibility;
  owners: Principal[];
}

export type Role = 'viewer' | 'analyst' | 'exporter' | 'owner';
export const ROLES: readonly Role[] = ['viewer', 'analyst', 'exporter', 'owner'];

/** One principal's role on one product; a principal holds at most one role per product. */
export interface Grant {
  productId: string;
  principal: Principal;
  role: Role;
  /** The user id of whoever granted it. */
  grantedBy: string;
  grantedAt: string;
}

/** A protocol that only members of these groups may run, whatever their role on the product. */
export interface ProtocolRestriction {
  productId: string;
  protocolId: string;
  groupIds: string[];
}

export type AuditOutcome = 'allowed' | 'denied' | 'failed';
export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['allowed', 'denied', 'failed'];

export interface NewAuditEntry {
  at: string;
  userId: string | null;
  tokenId: string | null;
  /** What was attempted, e.g. `protocol.run`, `grant.create`. */
  action: string;
  productId: string | null;
  dataVersion: string | null;
  protocolId: string | null;
  /** A hash of the request parameters: enough to match repeated queries without storing them. */
  paramsHash: string | null;
  outcome: AuditOutcome;
  /** The HTTP status answered. */
  status: number;
  requestId: string;
}

export interface AuditEntry extends NewAuditEntry {
  /** Increases with every append; ties on `at` are ordered by it. */
  id: number;
}

export interface AuditQuery {
  productIds?: string[];
  userId?: string;
  /** Inclusive lower bound on `at`. */
  from?: string;
  /** Exclusive upper bound on `at`. */
  to?: string;
  limit: number;
  /** The `next` cursor of the previous page. */
  after?: string;
}

export interface AuditPage {
  /** Newest first. */
  entries: AuditEntry[];
  /** Pass as `after` for the next page; null when this page is the last. */
  next: string | null;
}

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';
export const RUN_STATUSES: readonly RunStatus[] = ['running', 'succeeded', 'failed', 'cancelled'];

/**
 * One run of a protocol as the node remembers it: who, when, and every version its result depends on.
 * The result document is not here: it is a content-addressed file named by `resultHash`.
 */
export interface RunRecord {
  id: string;
  /** Null for a caller without an account (a public product's anonymous visitor). */
  userId: string | null;
  /** The node that executed it: a restart fails only that node's unfinished runs. */
  node: string;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  productId: string;
  productVersion: string;
  definitionHash: string;
  gitCommit: string | null;
  dataVersion: string;
  engineVersion: string;
  protocolId: string;
  protocolVersion: string;
  pluginSha256: string;
  /** The parameters after defaults were applied and names resolved (the cohort among them). */
  params: Record<string, unknown>;
  /** sha256 over versions and parameters: runs with equal keys have equal results. */
  requestKey: string;
  /** sha256 of the canonical JSON of the result document; set when the run succeeded. */
  resultHash: string | null;
  error: { code: string; message: string } | null;
  /** The earlier run whose stored result answered this request. */
  reusedFrom: string | null;
  /** The run this one re-ran. */
  rerunOf: string | null;
}

export type NewRunRecord = Omit<RunRecord, 'id'>;

export interface RunOutcome {
  status: Exclude<RunStatus, 'running'>;
  finishedAt: string;
  durationMs: number;
  resultHash: string | null;
  error: { code: string; message: string } | null;
}

export interface RunQuery {
  /** Only this user's runs; null for runs without an account. Omitted: everyone's (administrators). */
  userId?: string | null;
  productId?: string;
  protocolId?: string;
  status?: RunStatus;
  /** Inclusive lower bound on `startedAt`. */
  from?: string;
  /** Exclusive upper bound on `startedAt`. */
  to?: string;
  limit: number;
  /** The `next` cursor of the previous page. */
  after?: string;
}

export interface RunPage {
  /** Newest first. */
  runs: RunRecord[];
  next: string | null;
}

export interface ControlStore {
  // Users
  /** Creates the user on first sign-in, refreshes name and email afterwards; never changes `admin`. */
  upsertUserFromIdentity(identity: UserIdentity, at?: string): Promise<User>;
  getUser(id: string): Promise<User | null>;
  findUserBySubject(subject: string, issuer: string | null): Promise<User | null>;
  listUsers(): Promise<User[]>;
  setAdmin(userId: string, admin: boolean): Promise<User>;

  // Groups
  createGroup(name: string, at?: string): Promise<Group>;
  listGroups(): Promise<Group[]>;
  /** Also removes the group's memberships, grants, ownerships and protocol restrictions. */
  deleteGroup(groupId: string): Promise<void>;
  addMember(groupId: string, userId: string): Promise<void>;
  /** True when the user was a member. */
  removeMember(groupId: string, userId: string): Promise<boolean>;
  listMembers(groupId: string): Promise<User[]>;
  groupsOfUser(userId: string): Promise<Group[]>;
  /** Replaces the user's external memberships by these group names, creating external groups as needed. */
  syncExternalGroups(userId: string, names: string[]): Promise<Group[]>;

  // API tokens
  createToken(token: NewApiToken, at?: string): Promise<CreatedApiToken>;
  listTokens(userId: string): Promise<ApiToken[]>;
  /** Effective at once; revoking twice keeps the first revocation time. */
  revokeToken(tokenId: string, at?: string): Promise<void>;
  findToken(tokenId: string): Promise<StoredApiToken | null>;
  touchToken(tokenId: string, at: string): Promise<void>;

  // Product access
  getProductAccess(productId: string): Promise<ProductAccess | null>;
  setProductAccess(access: ProductAccess): Promise<void>;

  // Grants
  /** Creates or replaces the principal's role on the product. */
  grant(grant: Omit<Grant, 'grantedAt'> & { grantedAt?: string }): Promise<Grant>;
  /** True when there was a grant to remove. */
  revokeGrant(productId: string, principal: Principal): Promise<boolean>;
  listGrantsForProduct(productId: string): Promise<Grant[]>;
  listGrantsForPrincipal(principal: Principal): Promise<Grant[]>;
  /** Replaces the restriction; null lifts it, [] leaves the protocol to nobody but owners and admins. */
  restrictProtocol(productId: string, protocolId: string, groupIds: string[] | null): Promise<void>;
  getProtocolRestriction(productId: string, protocolId: string): Promise<ProtocolRestriction | null>;

  // Audit: append-only, there is deliberately no way to change or remove an entry.
  appendAudit(entry: NewAuditEntry): Promise<AuditEntry>;
  queryAudit(query: AuditQuery): Promise<AuditPage>;

  // Runs
  createRun(run: NewRunRecord): Promise<RunRecord>;
  /** Records how a running run ended; null when it had already ended (e.g. cancelled meanwhile). */
  finishRun(id: string, outcome: RunOutcome): Promise<RunRecord | null>;
  getRun(id: string): Promise<RunRecord | null>;
  listRuns(query: RunQuery): Promise<RunPage>;
  /** The user's newest succeeded run with this request key (null user: runs without an account). */
  findReusableRun(requestKey: string, userId: string | null): Promise<RunRecord | null>;
  /** Fails the runs a node left running when it stopped; resolves to how many there were. */
  failInterruptedRuns(node: string, at: string): Promise<number>;

  close(): Promise<void>;
}
