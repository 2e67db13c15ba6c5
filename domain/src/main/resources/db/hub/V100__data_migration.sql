-- Data migration out of the legacy islands (docs/data-migration.md): one row per run with its report, the rows a rule
-- refused (quarantine), and the canonical targets: the hub itself (schema hub) and the masked copy for testers
-- (schema masked_copy, never holding a clear personal value).
create table hub.migration_run (
    run_id          varchar(36) primary key,
    sources         varchar(40)  not null,
    entities        varchar(200) not null,
    target          varchar(20)  not null,
    chunk_size      integer      not null,
    dry_run         boolean      not null,
    started_at      timestamptz  not null default now(),
    finished_at     timestamptz,
    outcome         varchar(20),
    report_json     text,
    report_markdown text
);

-- one completed batch job per entity, attempt and key range: the transformed values' sums travel from the chunk
-- transactions to here
create table hub.migration_load (
    run_id       varchar(36) not null references hub.migration_run (run_id),
    entity       varchar(30) not null,
    attempt      integer     not null,
    key_range    integer     not null,
    read_rows    bigint      not null,
    loaded_rows  bigint      not null,
    checksums    text        not null,
    load_seconds double precision not null,
    primary key (run_id, entity, attempt, key_range)
);

-- a refused row: which rule, why, and the row as read (masked when the target is the masked copy)
create table hub.migration_quarantine (
    run_id      varchar(36)  not null references hub.migration_run (run_id),
    entity      varchar(30)  not null,
    source_key  bigint       not null,
    rule        varchar(40)  not null,
    reason      varchar(500) not null,
    payload     text         not null,
    attempt     integer      not null,
    recorded_at timestamptz  not null default now(),
    primary key (run_id, entity, source_key)
);

create schema if not exists masked_copy;

-- loads counts how often a row was written: a chunk written twice (after a crash) would show as 2
create table hub.migrated_loyalty_account (
    source_key   bigint primary key,
    customer_key varchar(10),
    card_no      varchar(16)  not null,
    holder_name  varchar(80)  not null,
    email        varchar(120),
    phone        varchar(30),
    postcode     varchar(10),
    points       integer      not null,
    opened_on    date         not null,
    run_id       varchar(36)  not null,
    loads        integer      not null default 1
);
create index migrated_loyalty_account_run on hub.migrated_loyalty_account (run_id);

create table hub.migrated_sale (
    source_key   bigint primary key,
    store_id     varchar(16)   not null,
    receipt_no   integer       not null,
    line_no      smallint      not null,
    sold_on      date          not null,
    sku          varchar(16)   not null,
    quantity     integer       not null,
    amount       numeric(12,2) not null,
    loyalty_card varchar(16),
    run_id       varchar(36)   not null,
    loads        integer       not null default 1
);
create index migrated_sale_run on hub.migrated_sale (run_id);

create table masked_copy.migrated_loyalty_account (like hub.migrated_loyalty_account including all);
create table masked_copy.migrated_sale (like hub.migrated_sale including all);
