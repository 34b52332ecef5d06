-- Cal.com and Calendly: a booking's end (a visit is inferred from it), the time of the
-- latest vendor event that set its status (so an event arriving out of order cannot undo a
-- newer one), and the moment it counts as a completed visit unless a no-show came first.
alter table bookings add column ends_at timestamptz;
alter table bookings add column event_at timestamptz;
alter table bookings add column completes_after timestamptz;

alter table bookings drop constraint bookings_status_check;
alter table bookings add constraint bookings_status_check
    check (status in ('booked', 'cancelled', 'no_show', 'completed', 'rescheduled'));

create index bookings_completion_idx on bookings (completes_after)
    where status = 'booked' and completes_after is not null;
