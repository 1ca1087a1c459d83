-- Event plans. The event keeps the columns that lists and permissions query; every plan
-- record (zone, post, participant, agent, need, deployment) is one row whose `data` is the
-- record's JSON as the domain writes it, checked again by the domain when read.
-- `version` grows by one on each save: a save based on an older version is refused.
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    organiser_organisation_id TEXT NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    department TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    data TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX events_by_department ON events(department, starts_at);

CREATE TABLE plan_records (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    participant_id TEXT,
    organisation_id TEXT,
    data TEXT NOT NULL,
    version BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX plan_records_by_event ON plan_records(event_id, kind);
CREATE INDEX plan_records_by_organisation ON plan_records(organisation_id, kind);
