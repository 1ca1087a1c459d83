-- Next year's edition (« Reconduire l'événement », `cordon plan copy`) keeps last year's
-- deployments as a draft to confirm: 1 until the participant confirms or changes it. A
-- deployment still to confirm is shown as such and left out of every release.
ALTER TABLE plan_records ADD COLUMN to_confirm BIGINT NOT NULL DEFAULT 0;
