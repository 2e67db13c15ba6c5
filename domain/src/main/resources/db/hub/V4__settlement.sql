-- Daily settlement reconciliation: what the provider says it settled against what the hub captured.
alter table hub.payment add column captured_at timestamptz;

create table hub.settlement_run (
    id              bigserial primary key,
    provider        varchar(32)  not null,
    settlement_date date         not null,
    file_name       varchar(200) not null,
    lines           integer      not null,
    matched         integer      not null,
    mismatches      integer      not null,
    reconciled_at   timestamptz  not null default now(),
    constraint settlement_run_once unique (provider, settlement_date, file_name)
);

create table hub.settlement_mismatch (
    id              bigserial primary key,
    run_id          bigint        not null references hub.settlement_run on delete cascade,
    reference       varchar(64)   not null,
    kind            varchar(16)   not null check (kind in ('MISSING', 'EXTRA', 'AMOUNT_DIFFERS')),
    hub_amount      numeric(12, 2),
    provider_amount numeric(12, 2)
);
create index settlement_mismatch_run on hub.settlement_mismatch (run_id);
