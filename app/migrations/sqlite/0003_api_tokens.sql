-- Personal API tokens: `Authorization: Bearer <token>` on /api/v1. The token (256 random bits)
-- is shown once when created; only its SHA-256 is stored. A revoked token stays listed in the
-- table (revoked_at set) so that its last use remains known, but no longer authenticates.
CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX api_tokens_by_user ON api_tokens(user_id);
