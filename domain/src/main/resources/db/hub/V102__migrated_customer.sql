-- The data migration's third entity: CRM contacts as canonical customers, in production and in the masked copy.
create table hub.migrated_customer (
    source_key     bigint primary key,
    customer_key   varchar(10)  not null,
    full_name      varchar(82)  not null,
    email          varchar(120),
    phone          varchar(30),
    loyalty_points integer      not null,
    tier           varchar(6),
    run_id         varchar(36)  not null,
    loads          integer      not null default 1
);
create index migrated_customer_run on hub.migrated_customer (run_id);

create table masked_copy.migrated_customer (like hub.migrated_customer including all);
