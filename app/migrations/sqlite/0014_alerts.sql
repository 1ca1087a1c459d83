-- Alerts on the day (issue 18, part 3). An alert is sent by the command post to recipient
-- organisations; each acknowledges it once. Every send and every acknowledgement is also an
-- entry of the event's alert chain (`alertes:{event}`, or `alertes-etat:{event}` for an
-- alert to the State forces only), written in the same transaction: `seq` is the number of
-- the alert's sending in its chain, the live stream's cursor. `data` holds the rest of the
-- alert as sent (sender's names, target and its label, severity, text) as JSON.
CREATE TABLE alerts (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    register TEXT NOT NULL,
    seq BIGINT NOT NULL,
    at BIGINT NOT NULL,
    sender_id TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX alerts_by_event ON alerts (event_id, at);

-- One row per recipient organisation; `hidden`: reached only through deployments restricted
-- to the State forces (listed to them and the prefecture only). `version` grows with the
-- acknowledgement, given once.
CREATE TABLE alert_recipients (
    alert_id TEXT NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    name TEXT NOT NULL,
    hidden BIGINT NOT NULL DEFAULT 0,
    acknowledged_at BIGINT,
    acknowledged_by TEXT,
    acknowledged_by_name TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (alert_id, organisation_id)
);

-- An account's optional mobile number (international form, `+33612345678`), to which the
-- alerts go by SMS; set by its holder on « Mon compte » (docs/personal-data.md).
ALTER TABLE users ADD COLUMN mobile TEXT;
