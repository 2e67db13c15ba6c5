-- Pilot-store rollout: which path each store's orders take. HUB = the hub's own fulfilment; LEGACY = handed to the
-- legacy ERP as a sales order, as the retailer did before the hub. A store without a row takes the configured
-- default (hub.rollout.default-path). Who changed a route, when, from what and why is in hub.audit_event as well.
create table hub.store_route (
    store_id   varchar(20)  primary key references hub.store (store_id),
    path       varchar(8)   not null check (path in ('HUB', 'LEGACY')),
    changed_at timestamptz  not null default now(),
    changed_by varchar(128) not null,
    reason     varchar(500) not null
);

-- Orders accepted for the legacy path wait here, in the transaction that stored them, until the legacy ERP booked
-- them (outbox-style: a crash between acceptance and hand-over loses nothing; the key makes a repeat harmless).
create table hub.legacy_handover (
    order_id         uuid         primary key references hub.customer_order (id),
    idempotency_key  varchar(100) not null unique,
    created_at       timestamptz  not null default now(),
    attempts         int          not null default 0,
    last_error       varchar(500),
    forwarded_at     timestamptz,
    legacy_reference varchar(64)
);
create index legacy_handover_due on hub.legacy_handover (created_at) where forwarded_at is null;
