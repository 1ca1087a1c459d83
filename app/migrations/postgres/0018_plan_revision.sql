-- The plan's revision (issue 17): bumped by the database itself on every insert, update or
-- removal of one of the event's plan records, whoever writes it (a save, a batch, an import,
-- a confirmation). An instance keeps the plan it decoded last with the revision and the event
-- row it read them at, and decodes the plan again only when either moved: one short query
-- instead of thousands of records decoded, and right across instances.
ALTER TABLE events ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION plan_records_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR TG_OP = 'UPDATE' THEN
        UPDATE events SET revision = revision + 1 WHERE id = OLD.event_id;
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.event_id <> OLD.event_id) THEN
        UPDATE events SET revision = revision + 1 WHERE id = NEW.event_id;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER plan_records_revision AFTER INSERT OR UPDATE OR DELETE ON plan_records
    FOR EACH ROW EXECUTE FUNCTION plan_records_revision();
