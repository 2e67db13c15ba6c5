-- Payments of orders, one per order, and the provider events already processed (webhook replay protection).
create table hub.payment (
    id                  uuid primary key,
    order_id            uuid          not null unique references hub.customer_order on delete cascade,
    method              varchar(16)   not null,
    amount              numeric(12, 2) not null check (amount >= 0),
    currency            char(3)       not null,
    status              varchar(16)   not null,
    provider_payment_id varchar(64),
    redirect_url        varchar(500),
    reason              varchar(500),
    created_at          timestamptz   not null default now(),
    updated_at          timestamptz   not null default now()
);
create index payment_provider_id on hub.payment (provider_payment_id);

create table hub.payment_provider_event (
    provider    varchar(32) not null,
    event_id    varchar(64) not null,
    payment_id  uuid        not null references hub.payment,
    received_at timestamptz not null default now(),
    primary key (provider, event_id)
);

alter table hub.customer_order add column payment_method varchar(16) not null default 'CARD';
