-- A hold on a contact's nurture messages, with its reason: Meta's per-user limit (131049)
-- holds the next message back a day. It was faked before as a nurture message sent now.
alter table contacts add column held_until timestamptz, add column hold_reason text;
