-- The attachments of a convention file (prefect's orders, site plan, insurance certificate):
-- the domain's `AttachmentMeta` in columns, the content as base64 text (the same on both
-- backends, as the approved PDFs). Added and removed by the organiser while the file is
-- editable; listed in the convention's annex with their SHA-256.
CREATE TABLE convention_attachments (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content TEXT NOT NULL,
    added_by TEXT NOT NULL,
    added_at BIGINT NOT NULL
);
CREATE INDEX convention_attachments_by_event ON convention_attachments(event_id, added_at);
