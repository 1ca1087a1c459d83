-- A prefecture member's délégation de signature (the prefect's arrêté that lets them sign for
-- the prefect): its number and date, recorded by the prefecture's administrators. Only an
-- approver holding one is stamped « Pour le préfet et par délégation ». The date is ISO text
-- (YYYY-MM-DD).
ALTER TABLE memberships ADD COLUMN delegation_arrete TEXT;
ALTER TABLE memberships ADD COLUMN delegation_date TEXT;
