-- Customer insight (issue 14): who may be tracked. A customer without a row has not consented; the beacon drops
-- their events at the edge. The golden customer row stays the anchor (an erased customer is never tracked).
create table hub.tracking_consent (
    customer_id varchar(20) primary key references hub.customer,
    granted     boolean     not null,
    source      varchar(16) not null,   -- CRM, DEMO
    changed_at  timestamptz not null default now()
);
