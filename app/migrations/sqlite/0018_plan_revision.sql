-- The plan's revision (issue 17): bumped by the database itself on every insert, update or
-- removal of one of the event's plan records, whoever writes it (a save, a batch, an import,
-- a confirmation). An instance keeps the plan it decoded last with the revision and the event
-- row it read them at, and decodes the plan again only when either moved: one short query
-- instead of thousands of records decoded, and right across instances (PostgreSQL).
ALTER TABLE events ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER plan_records_revision_insert AFTER INSERT ON plan_records
BEGIN
    UPDATE events SET revision = revision + 1 WHERE id = NEW.event_id;
END;

CREATE TRIGGER plan_records_revision_update AFTER UPDATE ON plan_records
BEGIN
    UPDATE events SET revision = revision + 1 WHERE id = OLD.event_id OR id = NEW.event_id;
END;

CREATE TRIGGER plan_records_revision_delete AFTER DELETE ON plan_records
BEGIN
    UPDATE events SET revision = revision + 1 WHERE id = OLD.event_id;
END;
