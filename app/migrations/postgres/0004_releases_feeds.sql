-- Published releases of an event's plan (v1, v2, …): the whole release as JSON (the plan
-- frozen, its changelog, each deployment's history), never changed once written. Feeds,
-- exports and the convention are built from the latest one.
CREATE TABLE releases (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    number BIGINT NOT NULL,
    comment TEXT NOT NULL,
    published_at BIGINT NOT NULL,
    published_by TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (event_id, number)
);

-- Calendar feed tokens: a subscription URL carries the token (256 random bits); only its
-- SHA-256 is stored. A token reads one feed: a participant's, a named agent's, a zone's or the
-- whole event's, with the audience of who created it. Revoked tokens answer 404 at once.
CREATE TABLE feed_tokens (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    scope_kind TEXT NOT NULL,
    scope_id TEXT NOT NULL,
    label TEXT NOT NULL,
    restricted BIGINT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX feed_tokens_by_event ON feed_tokens(event_id);
