-- Control plane, version 1. The same tables as the SQLite migration of the same version, in
-- PostgreSQL's own types.

-- issuer is '' for local accounts (the store maps it to null): NULLs never collide in a UNIQUE
-- constraint, and a plain (issuer, subject) key is what an upsert can name.
CREATE TABLE users (
  id text PRIMARY KEY,
  subject text NOT NULL,
  issuer text NOT NULL,
  name text NOT NULL,
  email text,
  admin boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  UNIQUE (issuer, subject)
);

CREATE TABLE groups (
  id text PRIMARY KEY,
  name text NOT NULL,
  external boolean NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (external, name)
);

CREATE TABLE group_members (
  group_id text NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_by_user ON group_members (user_id);

-- Only the SHA-256 of a token's secret is kept. Names are unique among a user's live tokens.
CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL,
  secret_hash text NOT NULL,
  scopes text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
);
CREATE UNIQUE INDEX api_tokens_live_name ON api_tokens (user_id, name) WHERE revoked_at IS NULL;

CREATE TABLE product_access (
  product_id text PRIMARY KEY,
  visibility text NOT NULL CHECK (visibility IN ('public', 'private'))
);

-- Principals point at users or groups: no foreign key can say that, so the store checks on write and
-- deleteGroup removes what pointed at the group.
CREATE TABLE product_owners (
  product_id text NOT NULL REFERENCES product_access (product_id) ON DELETE CASCADE,
  principal_kind text NOT NULL CHECK (principal_kind IN ('user', 'group')),
  principal_id text NOT NULL,
  position integer NOT NULL,
  PRIMARY KEY (product_id, principal_kind, principal_id)
);

CREATE TABLE grants (
  product_id text NOT NULL,
  principal_kind text NOT NULL CHECK (principal_kind IN ('user', 'group')),
  principal_id text NOT NULL,
  role text NOT NULL CHECK (role IN ('viewer', 'analyst', 'exporter', 'owner')),
  granted_by text NOT NULL,
  granted_at timestamptz NOT NULL,
  PRIMARY KEY (product_id, principal_kind, principal_id)
);
CREATE INDEX grants_by_principal ON grants (principal_kind, principal_id);

CREATE TABLE protocol_restrictions (
  product_id text NOT NULL,
  protocol_id text NOT NULL,
  PRIMARY KEY (product_id, protocol_id)
);

CREATE TABLE protocol_restriction_groups (
  product_id text NOT NULL,
  protocol_id text NOT NULL,
  group_id text NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  PRIMARY KEY (product_id, protocol_id, group_id),
  FOREIGN KEY (product_id, protocol_id) REFERENCES protocol_restrictions (product_id, protocol_id) ON DELETE CASCADE
);

-- No foreign keys: an audit entry must outlive whatever it mentions, and an append must never fail
-- because of it.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  user_id text,
  token_id text,
  action text NOT NULL,
  product_id text,
  data_version text,
  protocol_id text,
  params_hash text,
  outcome text NOT NULL CHECK (outcome IN ('allowed', 'denied', 'failed')),
  status integer NOT NULL,
  request_id text NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_by_product ON audit_log (product_id, at DESC, id DESC);
CREATE INDEX audit_log_by_user ON audit_log (user_id, at DESC, id DESC);

-- Append-only, whoever holds a connection: the store has no way to change an entry, and this refuses
-- it. Revoking UPDATE/DELETE/TRUNCATE from the node's role is a further step for operators.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
