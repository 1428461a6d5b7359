-- What used to live in each instance's memory and now lives in the database, so that any instance behind a load
-- balancer serves an editor (issue 22, docs/adr/0009): editors' sessions, the sign-in throttle's counts and the
-- comment rate limit's. Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+. Readers never write here: they get
-- no session, and only a sign-in or a comment sent is counted.

-- Spring Session JDBC's tables (spring.session.jdbc.initialize-schema=never: they belong to Flyway), as its
-- schema-h2.sql and schema-postgresql.sql create them; the attributes' bytes are bytea, which H2 reads as BINARY
-- VARYING (as capture.warc, V13). Times are epoch milliseconds, as Spring Session writes them. One row per signed-in
-- editor's session, deleted by Spring Session's own cleanup once expired (every minute, on every instance).
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    -- The editor's username: their sessions are found by it (SpringSessionBackedSessionRegistry).
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

-- Each attribute serialised (Java serialisation): Spring Security's sign-in, flash messages, the last import's report.
create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- The sign-in throttle's counts (account.SignInThrottle), one row per thing counted: kind 'pair' for a username from
-- one address (counted: the username, a line feed, the address), 'address' for an address whatever the usernames,
-- 'username' for a username from every address, 'trusted' for an address an editor signed in from (counted as for
-- 'pair'). A row is read with select … for update and written in the same short transaction, so that instances
-- counting at once wait for each other: no count is lost, and no more attempts pass than the limits allow.
create table sign_in_throttle (
    kind       varchar(8)      not null,
    -- Longer ones (an address nobody's network gives) are kept as '#' and their SHA-256.
    counted    varchar(200)    not null,
    -- The attempts counted (for 'username', the failures), as epoch milliseconds, oldest first, comma-separated: as
    -- many as the limit at most (the longest delay's worth for 'username').
    times      varchar(100000) not null,
    -- Until when signing in is suspended ('pair', 'address'), the next check from an unknown address must wait
    -- ('username'), or the address is trusted ('trusted'); null when it is not.
    until_at   timestamp with time zone,
    -- When the row stops meaning anything: after it, the scheduled cleanup deletes it, so that a flood of usernames
    -- or addresses leaves rows for the window and the suspension only.
    expires_at timestamp with time zone not null,
    constraint sign_in_throttle_pk primary key (kind, counted)
);

create index sign_in_throttle_expires_idx on sign_in_throttle (expires_at);

-- The comment rate limit's counts (comment.CommentRateLimit): kind 'address' for a sender (an IPv4 address or an
-- IPv6 /64 network), 'token' for a rendered form's token. Read and written as sign_in_throttle's rows are.
create table comment_rate_limit (
    kind       varchar(8)      not null,
    counted    varchar(200)    not null,
    -- The comments counted, as epoch milliseconds, oldest first, comma-separated: as many as the limit at most.
    times      varchar(100000) not null,
    expires_at timestamp with time zone not null,
    constraint comment_rate_limit_pk primary key (kind, counted)
);

create index comment_rate_limit_expires_idx on comment_rate_limit (expires_at);
