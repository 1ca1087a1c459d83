-- The evaluation after an event (RETEX, the circular's fifth axis): one row per event once
-- someone writes in it (deadline set by the prefecture, the organiser's and the prefecture's
-- assessments, closing), and one part per participant (the domain's `EvaluationPart` as
-- JSON). Every write bumps `version`; a save based on an older version is refused.
CREATE TABLE evaluations (
    event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    deadline TEXT,
    organiser_assessment TEXT NOT NULL DEFAULT '',
    prefecture_assessment TEXT NOT NULL DEFAULT '',
    closed_at BIGINT,
    closed_by TEXT,
    reminded_at BIGINT,
    version BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE evaluation_parts (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL,
    data TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    version BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (event_id, participant_id)
);

-- An event's convention in the registry names its event, so that the registry and the census
-- show the event's evaluation.
ALTER TABLE conventions_in_force ADD COLUMN event_id TEXT;
