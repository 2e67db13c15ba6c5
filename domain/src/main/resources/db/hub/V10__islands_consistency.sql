-- Legacy islands kept consistent by CDC (issue 4): key cross-reference, golden customers, idempotency marks,
-- dead letters, Debezium offsets and reconciliation reports.

-- The same thing has a different key in every island: SKU-0001 is ERP material 000000000000100001 and POS PLU 4001.
create table hub.key_xref (
    kind       varchar(16) not null,   -- ARTICLE, STORE, CUSTOMER
    hub_key    varchar(32) not null,
    island     varchar(8)  not null,   -- POS, ERP, CRM
    native_key varchar(32) not null,
    primary key (kind, island, native_key),
    constraint key_xref_one_per_island unique (kind, island, hub_key)
);

create table hub.customer (
    customer_id    varchar(20) primary key,
    name           varchar(120) not null,
    email          varchar(120),
    loyalty_points integer not null default 0
);
create sequence hub.customer_number_seq start with 100000;

-- The last island position applied to each golden record: a replayed change (same or older position) is skipped.
create table hub.golden_source (
    kind       varchar(16) not null,
    record_key varchar(64) not null,
    island     varchar(8)  not null,
    position   bigint      not null,
    applied_at timestamptz not null default now(),
    primary key (kind, record_key)
);

-- Till sales already turned into stock movements, so a replayed sale is not counted twice.
create table hub.applied_sale (
    receipt    varchar(64) primary key,
    applied_at timestamptz not null default now()
);

create table hub.cdc_dead_letter (
    id          bigserial primary key,
    island      varchar(8)   not null,
    source_table varchar(64),
    position    bigint,
    reason      varchar(1000) not null,
    payload     text         not null,
    received_at timestamptz  not null default now(),
    resolved_at timestamptz
);
create index cdc_dead_letter_open on hub.cdc_dead_letter (received_at) where resolved_at is null;

-- Debezium's source offsets, one row per engine and key; shared by all hub instances (leader takes over).
create table hub.cdc_offset (
    engine     varchar(32) not null,
    offset_key text        not null,
    offset_value text,
    updated_at timestamptz not null default now(),
    primary key (engine, offset_key)
);

create table hub.consistency_report (
    id          bigserial primary key,
    created_at  timestamptz  not null default now(),
    stage       varchar(16)  not null,  -- FOUND (before repair) or AFTER_REPAIR
    records     integer      not null,
    consistent  integer      not null,
    percent     numeric(5, 2) not null,
    repaired    integer      not null default 0,
    decisions   integer      not null default 0
);

create table hub.consistency_report_kind (
    report_id  bigint      not null references hub.consistency_report on delete cascade,
    kind       varchar(16) not null,
    records    integer     not null,
    consistent integer     not null,
    percent    numeric(5, 2) not null,
    primary key (report_id, kind)
);

create table hub.consistency_mismatch (
    id         bigserial primary key,
    report_id  bigint       not null references hub.consistency_report on delete cascade,
    kind       varchar(16)  not null,
    record_key varchar(64)  not null,
    detail     varchar(1000) not null
);
create index consistency_mismatch_report on hub.consistency_mismatch (report_id);
