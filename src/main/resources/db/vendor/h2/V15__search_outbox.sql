-- Hibernate Search's outbox-polling coordination (docs/adr/0010): with a search cluster, every change to an indexed
-- op-ed is written here, in the transaction that makes it, and whichever instance's event processor picks it up
-- indexes the op-ed as the database then holds it; agents are the instances' processors, which share the events out
-- between them and take over those of an instance that stopped beating. Unused (always empty) with the embedded
-- Lucene index. The columns are the ones Hibernate Search 8.2 maps (Hibernate validates them at start-up), which
-- differ between databases: hence a script per database
-- (db/vendor/postgresql holds PostgreSQL's). On H2 an enum is H2's enum type and a payload a blob.
create table hsearch_outbox_event (
    id             uuid                     not null primary key,
    entity_name    varchar(256)             not null,
    entity_id      varchar(256)             not null,
    entity_id_hash integer                  not null,
    payload        blob                     not null,
    retries        integer                  not null,
    process_after  timestamp(6) with time zone not null,
    status         enum ('PENDING', 'ABORTED') not null,
    tenant_id      varchar(255)
);
create index hsearch_outbox_event_process_after on hsearch_outbox_event (process_after);

create table hsearch_agent (
    id                   uuid                        not null primary key,
    type                 enum ('EVENT_PROCESSING_DYNAMIC_SHARDING', 'EVENT_PROCESSING_STATIC_SHARDING', 'MASS_INDEXING')
                                                     not null,
    name                 varchar(255)                not null,
    expiration           timestamp(6) with time zone not null,
    state                enum ('RUNNING', 'WAITING', 'SUSPENDED') not null,
    total_shard_count    integer,
    assigned_shard_index integer,
    payload              blob,
    tenant_id            varchar(255)
);
