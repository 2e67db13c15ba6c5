-- Till sales become goods issues through hub.stock_posting in the sale's own transaction (reference: the receipt line,
-- as the ERP already knows it), and a till sale may take stock that orders have reserved: the sale happened, so it is
-- recorded, and the pieces promised beyond what is on hand are a shortfall the operator sees (issue 19).

-- The hub itself never promises more than is on hand: the ledger's conditional update, and behind it this trigger,
-- which refuses any *increase* of reserved beyond on_hand. On-hand may fall below reserved when an island takes stock
-- away (a till sale, the ERP's lower figure); that is recorded below, never refused, never silent.
alter table hub.stock drop constraint stock_reserved_within_on_hand;

create function hub.stock_reserved_within_on_hand() returns trigger language plpgsql as $$
begin
    if new.reserved > new.on_hand and (tg_op = 'INSERT' or new.reserved > old.reserved) then
        raise exception 'stock_reserved_within_on_hand: % % would have % reserved of % on hand', new.store_id, new.sku, new.reserved, new.on_hand
            using errcode = 'check_violation';
    end if;
    return new;
end
$$;
create trigger stock_reserved_within_on_hand before insert or update on hub.stock
    for each row execute function hub.stock_reserved_within_on_hand();

-- What took stock below its reservations, and by how many pieces at that moment. Open shortfalls are the stock rows
-- where reserved > on_hand (GET /api/consistency/shortfalls); this table says what caused them.
create table hub.stock_shortfall (
    id          bigserial primary key,
    store_id    varchar(20) not null,
    sku         varchar(32) not null,
    cause       varchar(80) not null,   -- the till receipt line (POS-11-3-777-1) or 'ERP stock figure'
    pieces      integer     not null check (pieces > 0),
    occurred_at timestamptz not null default now()
);
create index stock_shortfall_stock on hub.stock_shortfall (store_id, sku, id);
