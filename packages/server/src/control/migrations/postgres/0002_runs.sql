-- Run history: one row per run, with every version its result depends on. The result document itself
-- is a content-addressed file (result_hash); params is the canonical JSON of the resolved parameters.
CREATE TABLE runs (
  id text PRIMARY KEY,
  user_id text REFERENCES users (id) ON DELETE CASCADE,
  node text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled')),
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  duration_ms bigint,
  product_id text NOT NULL,
  product_version text NOT NULL,
  definition_hash text NOT NULL,
  git_commit text,
  data_version text NOT NULL,
  engine_version text NOT NULL,
  protocol_id text NOT NULL,
  protocol_version text NOT NULL,
  plugin_sha256 text NOT NULL,
  params text NOT NULL,
  request_key text NOT NULL,
  result_hash text,
  error_code text,
  error_message text,
  reused_from text,
  rerun_of text
);
CREATE INDEX runs_by_user ON runs (user_id, started_at DESC, id DESC);
CREATE INDEX runs_by_request ON runs (request_key, status, started_at DESC);
CREATE INDEX runs_by_node_status ON runs (node, status);
