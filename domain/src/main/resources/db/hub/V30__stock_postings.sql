-- Stock the order flow commits (or returns) is posted to the stock's owner island as a goods movement (issue 4):
-- written in the same transaction as the reservation's state change, posted by a relay, idempotent per reference.
create table hub.stock_posting (
    posting_ref varchar(80) primary key,   -- <order id>/<line no>/issue or /return: the island's goods movement reference
    store_id    varchar(20) not null,
    sku         varchar(32) not null,
    quantity    integer     not null,      -- pieces leaving stock; negative for a return
    created_at  timestamptz not null default now(),
    posted_at   timestamptz
);
create index stock_posting_due on hub.stock_posting (created_at) where posted_at is null;
create index stock_posting_pending on hub.stock_posting (store_id, sku) where posted_at is null;
