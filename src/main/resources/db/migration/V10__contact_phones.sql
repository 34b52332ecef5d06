-- A contact without a time zone has none: their phone's zone or the clinic's applies when
-- they are read. Until now a missing zone was stored as 'UTC', the column's default; a stored
-- 'UTC' is taken as that default (a clinic's patients do not live in UTC).
alter table contacts alter column timezone drop not null;
alter table contacts alter column timezone drop default;
update contacts set timezone = null where timezone = 'UTC';

-- Brazilian mobiles in WhatsApp's old 8-digit form (area code, then 8 digits starting 6-9)
-- get their 9th digit, the form every phone is stored in from now on.
update contacts set phone = regexp_replace(phone, '^\+55([1-9]{2})([6-9][0-9]{7})$', '+55\19\2')
where phone ~ '^\+55[1-9]{2}[6-9][0-9]{7}$';

-- One person, one opt-out: a contact with the same phone as one who opted out (two contacts
-- made from the two forms of one number) is opted out too. Their scheduled steps are then
-- skipped when due, as for any opted-out contact.
update contacts c set status = 'opted_out'
where c.status = 'active' and c.phone is not null
  and exists (select 1 from contacts o where o.phone = c.phone and o.id <> c.id and o.status = 'opted_out');

-- Cal.com's placeholder for a phone-only booker is not an e-mail address.
update contacts set email = null where lower(email) like '%@sms.cal.com';
