-- Closing an alert (issue 18): the command post closes an alert once dealt with, its sender
-- withdraws one sent by mistake. `closing` holds how, when and by whom as JSON
-- (`domain::alerts::Closing`); NULL while the alert is open. Set once (`WHERE closing IS
-- NULL`), with its entry in the alert's chain in the same transaction.
ALTER TABLE alerts ADD COLUMN closing TEXT;
