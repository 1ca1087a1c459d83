-- A prefecture's model of the event convention for its department: its sizing coefficients
-- (the national DPS référentiel and steward ratios, each change with its reason) and its own
-- clause per article. Each save is also an entry of the department's audit chain.
CREATE TABLE department_convention (
    department TEXT PRIMARY KEY,
    sizing TEXT NOT NULL,
    clauses TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
