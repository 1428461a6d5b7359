-- An editor can be disabled: they can no longer sign in and their sessions end, while their name stays on the
-- revisions they made. Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

alter table editor add column disabled_at timestamp with time zone;
-- Who disabled them; null while the editor is active.
alter table editor add column disabled_by varchar(100);
