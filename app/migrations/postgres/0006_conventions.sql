-- The convention file (dossier) of an event: its workflow state as JSON (domain
-- `convention::Dossier`), the status in a column for the prefecture's dashboard, the
-- convention's reference, when it was filed in the current cycle, and a version checked on
-- every move so that two instructors acting at once cannot both win.
CREATE TABLE convention_files (
    event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    data TEXT NOT NULL,
    reference TEXT NOT NULL,
    submitted_at BIGINT,
    version BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX convention_files_by_status ON convention_files(status);

-- The approved, stamped PDF of each approval cycle: written once at approval, never changed
-- (base64 text, the same on both backends). A new release opens a new cycle; the approved
-- PDF of an earlier cycle stays downloadable.
CREATE TABLE approved_conventions (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    cycle BIGINT NOT NULL,
    release_number BIGINT NOT NULL,
    reference TEXT NOT NULL,
    release_sha256 TEXT NOT NULL,
    pdf_sha256 TEXT NOT NULL,
    pdf TEXT NOT NULL,
    approved_by TEXT NOT NULL,
    approved_at BIGINT NOT NULL,
    PRIMARY KEY (event_id, cycle)
);

-- The audit trail: append-only chains of entries (domain `convention::audit`), one chain per
-- convention file ("event:<id>") and one per department's rule settings ("department:<code>").
-- Each entry holds the SHA-256 of its content and of the previous entry's hash; the primary
-- key makes two appends at once conflict instead of forking the chain. No row is ever
-- updated or deleted by Cordon; `cordon audit verify` checks every chain.
CREATE TABLE audit_entries (
    chain TEXT NOT NULL,
    seq BIGINT NOT NULL,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (chain, seq)
);

-- The registry of conventions already in force, per commune (municipal/State coordination
-- conventions, other CLCS): the domain's `RegistryEntry` as JSON, kept by the prefecture of
-- the department; the annual census is computed from it.
CREATE TABLE conventions_in_force (
    id TEXT PRIMARY KEY,
    department TEXT NOT NULL,
    commune_code TEXT NOT NULL,
    data TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX conventions_in_force_by_department ON conventions_in_force(department);

-- Opinions (avis) the instructor asks on a file: the domain's `Opinion` as JSON; the
-- participant of the event that answers, or none when the instructor records the answer of a
-- service outside Cordon.
CREATE TABLE opinions (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    participant_id TEXT,
    data TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX opinions_by_event ON opinions(event_id, created_at);

-- What the organiser and the prefecture add to the generated convention of an event: the
-- shared risk assessment (the domain's `RiskAssessment` as JSON, absent until filled in) and
-- the amendments to its articles (a JSON list), with a version checked on every save.
CREATE TABLE convention_inputs (
    event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    risk TEXT,
    amendments TEXT NOT NULL,
    version BIGINT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
