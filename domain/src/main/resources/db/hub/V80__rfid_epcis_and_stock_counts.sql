-- RFID (issue 12): EPCIS 2.0 events the hub made or was sent, and cycle counts of a store's tagged articles.

-- which GTIN each RFID-tagged article carries (an SGTIN's GTIN-14); articles without one are not counted by RFID
create table hub.article_gtin (
    gtin char(14)    primary key,
    sku  varchar(32) not null unique references hub.article
);

-- every EPCIS event, whole as JSON-LD, with what the query API searches by pulled out
create table hub.epcis_event (
    event_id     varchar(200) primary key,
    event_type   varchar(40)  not null,
    event_time   timestamptz  not null,
    record_time  timestamptz  not null default now(),
    action       varchar(10),
    biz_step     varchar(200),
    disposition  varchar(200),
    read_point   varchar(200),
    biz_location varchar(200),
    source       varchar(20)  not null check (source in ('hub', 'capture')),
    event        jsonb        not null
);
create index epcis_event_time on hub.epcis_event (event_time);
create index epcis_event_read_point on hub.epcis_event (read_point, event_time);
create index epcis_event_biz_location on hub.epcis_event (biz_location, event_time);

create table hub.epcis_event_epc (
    epc      varchar(200) not null,
    event_id varchar(200) not null references hub.epcis_event on delete cascade,
    primary key (epc, event_id)
);

create table hub.stock_count (
    count_id     uuid        primary key,
    store_id     varchar(20) not null references hub.store,
    status       varchar(10) not null check (status in ('OPEN', 'CLOSED', 'POSTED')),
    opened_at    timestamptz not null default now(),
    closed_at    timestamptz,
    shrink_value numeric(12, 2)
);
-- one count at a time per store: two would each post the other's differences again
create unique index stock_count_one_open on hub.stock_count (store_id) where status = 'OPEN';

-- each EPC once per count; last_left_at: seen at a door after it was last counted (it left the store)
create table hub.stock_count_tag (
    count_id        uuid         not null references hub.stock_count on delete cascade,
    epc             varchar(200) not null,
    gtin            char(14),
    zone            varchar(20)  not null,
    last_counted_at timestamptz  not null,
    last_left_at    timestamptz,
    primary key (count_id, epc)
);

create table hub.stock_count_difference (
    count_id   uuid           not null references hub.stock_count on delete cascade,
    sku        varchar(32)    not null references hub.article,
    ledger     integer        not null,
    counted    integer        not null,
    list_price numeric(12, 2) not null,
    primary key (count_id, sku)
);
