-- Run history: one row per run, with every version its result depends on. The result document itself
-- is a content-addressed file (result_hash); params is the canonical JSON of the resolved parameters.
CREATE TABLE runs (
  id TEXT PRIMARY KEY,
  user_id TEXT REFERENCES users (id) ON DELETE CASCADE,
  node TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  duration_ms INTEGER,
  product_id TEXT NOT NULL,
  product_version TEXT NOT NULL,
  definition_hash TEXT NOT NULL,
  git_commit TEXT,
  data_version TEXT NOT NULL,
  engine_version TEXT NOT NULL,
  protocol_id TEXT NOT NULL,
  protocol_version TEXT NOT NULL,
  plugin_sha256 TEXT NOT NULL,
  params TEXT NOT NULL,
  request_key TEXT NOT NULL,
  result_hash TEXT,
  error_code TEXT,
  error_message TEXT,
  reused_from TEXT,
  rerun_of TEXT
);
CREATE INDEX runs_by_user ON runs (user_id, started_at DESC, id DESC);
CREATE INDEX runs_by_request ON runs (request_key, status, started_at DESC);
CREATE INDEX runs_by_node_status ON runs (node, status);
