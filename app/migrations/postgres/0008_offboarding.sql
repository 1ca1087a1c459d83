-- Offboarding: an account a platform administrator disabled (its sessions and API tokens stop
-- working at once), and the single-use links that reset a forgotten password. Only the SHA-256
-- of a reset token is stored; the token itself exists only in the e-mail. Instants are
-- milliseconds since the Unix epoch (UTC).
ALTER TABLE users ADD COLUMN disabled_at BIGINT;

CREATE TABLE password_resets (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX password_resets_by_user ON password_resets(user_id);
