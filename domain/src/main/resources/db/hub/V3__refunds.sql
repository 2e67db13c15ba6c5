-- Refunds of captured payments, full or partial. The sum of refunds never exceeds the captured amount
-- (checked by RefundDesk under a row lock on the payment).
create table hub.payment_refund (
    id          uuid primary key,
    payment_id  uuid          not null references hub.payment,
    amount      numeric(12, 2) not null check (amount > 0),
    reason      varchar(200),
    status      varchar(16)   not null check (status in ('REQUESTED', 'REFUNDED')),
    created_at  timestamptz   not null default now(),
    refunded_at timestamptz
);
create index payment_refund_payment on hub.payment_refund (payment_id);
