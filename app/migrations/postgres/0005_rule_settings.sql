-- A prefecture's settings of the compliance rules for its department: the overlay of the
-- national defaults (docs/compliance.md), each change with its reason. The log keeps every
-- version of the overlay, who saved it and when; rows are only ever added to it.
CREATE TABLE rule_settings (
    department TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE TABLE rule_settings_log (
    id TEXT PRIMARY KEY,
    department TEXT NOT NULL,
    data TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at BIGINT NOT NULL
);
CREATE INDEX rule_settings_log_by_department ON rule_settings_log(department, changed_at);
