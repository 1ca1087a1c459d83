-- The event an edition was made from (« Reconduire l'événement », `cordon plan copy`): the
-- plan page tells the organiser, until the first publication, that the deployments are a
-- draft taken from it. NULL for an event created or imported.
ALTER TABLE events ADD COLUMN copied_from TEXT;
