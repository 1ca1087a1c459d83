-- The SIRET of an organisation (14 digits, optional): with the CNAPS authorisation, the commune
-- and the department, what identifies an organisation outside Cordon, to match the
-- organisations of a plan moved from another Cordon (docs/plan-format.md).
ALTER TABLE organisations ADD COLUMN siret TEXT;
CREATE INDEX organisations_siret ON organisations (siret);
