-- Control plane, version 1. Timestamps are ISO 8601 text in UTC, written by the store in one canonical
-- form so that text order is time order. Booleans are 0/1.

-- issuer is '' for local accounts (the store maps it to null): NULLs never collide in a UNIQUE
-- constraint, and a plain (issuer, subject) key is what an upsert can name.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  subject TEXT NOT NULL,
  issuer TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT,
  admin INTEGER NOT NULL DEFAULT 0 CHECK (admin IN (0, 1)),
  created_at TEXT NOT NULL,
  UNIQUE (issuer, subject)
);

CREATE TABLE groups (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  external INTEGER NOT NULL CHECK (external IN (0, 1)),
  created_at TEXT NOT NULL,
  UNIQUE (external, name)
);

CREATE TABLE group_members (
  group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_by_user ON group_members (user_id);

-- Only the SHA-256 of a token's secret is kept. Names are unique among a user's live tokens.
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  scopes TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT,
  last_used_at TEXT
);
CREATE UNIQUE INDEX api_tokens_live_name ON api_tokens (user_id, name) WHERE revoked_at IS NULL;

CREATE TABLE product_access (
  product_id TEXT PRIMARY KEY,
  visibility TEXT NOT NULL CHECK (visibility IN ('public', 'private'))
);

-- Principals point at users or groups: no foreign key can say that, so the store checks on write and
-- deleteGroup removes what pointed at the group.
CREATE TABLE product_owners (
  product_id TEXT NOT NULL REFERENCES product_access (product_id) ON DELETE CASCADE,
  principal_kind TEXT NOT NULL CHECK (principal_kind IN ('user', 'group')),
  principal_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (product_id, principal_kind, principal_id)
);

CREATE TABLE grants (
  product_id TEXT NOT NULL,
  principal_kind TEXT NOT NULL CHECK (principal_kind IN ('user', 'group')),
  principal_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'exporter', 'owner')),
  granted_by TEXT NOT NULL,
  granted_at TEXT NOT NULL,
  PRIMARY KEY (product_id, principal_kind, principal_id)
);
CREATE INDEX grants_by_principal ON grants (principal_kind, principal_id);

CREATE TABLE protocol_restrictions (
  product_id TEXT NOT NULL,
  protocol_id TEXT NOT NULL,
  PRIMARY KEY (product_id, protocol_id)
);

CREATE TABLE protocol_restriction_groups (
  product_id TEXT NOT NULL,
  protocol_id TEXT NOT NULL,
  group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  PRIMARY KEY (product_id, protocol_id, group_id),
  FOREIGN KEY (product_id, protocol_id) REFERENCES protocol_restrictions (product_id, protocol_id) ON DELETE CASCADE
);

-- No foreign keys: an audit entry must outlive whatever it mentions, and an append must never fail
-- because of it.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  user_id TEXT,
  token_id TEXT,
  action TEXT NOT NULL,
  product_id TEXT,
  data_version TEXT,
  protocol_id TEXT,
  params_hash TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('allowed', 'denied', 'failed')),
  status INTEGER NOT NULL,
  request_id TEXT NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_by_product ON audit_log (product_id, at DESC, id DESC);
CREATE INDEX audit_log_by_user ON audit_log (user_id, at DESC, id DESC);

-- Append-only, whoever holds the file: the store has no way to change an entry, and these refuse it.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
