-- Presence on the day (issue 18, part 4). The check-ins and check-outs themselves are entries
-- of the event's audit chain `pointage:{event}` (never changed, checked by `cordon audit
-- verify`); these tables hold what is not a fact of the day.

-- Personal check-in links: one agent's phone page `/pointage/{token}`. Only the token's
-- SHA-256 is stored (256 random bits); a link follows the rights of the person who made it
-- and answers 404 once revoked.
CREATE TABLE presence_links (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    agent_id TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX presence_links_by_event ON presence_links (event_id, agent_id);

-- The no-show alerts raised, one per deployment at most: the first instance to insert the row
-- sends the alert.
CREATE TABLE no_show_alerts (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    deployment_id TEXT NOT NULL,
    raised_at BIGINT NOT NULL,
    PRIMARY KEY (event_id, deployment_id)
);
