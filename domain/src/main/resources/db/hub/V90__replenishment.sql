-- Replenishment (issue 10): the sales history from before the hub (imported once), each day's proposal per store with
-- its lines and how they were approved, the purchase orders the hub placed at the ERP, and the goods receipts the ERP
-- reported against them (once per material document item).
create table hub.sales_history (
    store_id varchar(20) not null references hub.store,
    sku      varchar(32) not null references hub.article,
    day      date        not null,
    quantity integer     not null,               -- units sold net of returns that day
    primary key (store_id, sku, day)
);

create table hub.replenishment_run (
    run_id     varchar(40) primary key,          -- RUN-<store>-<yyyymmdd>-<n>
    store_id   varchar(20) not null references hub.store,
    day        date        not null,
    articles   integer     not null,             -- articles planned
    created_at timestamptz not null default now()
);

create table hub.replenishment_line (
    run_id      varchar(40)    not null references hub.replenishment_run,
    line_no     integer        not null,
    sku         varchar(32)    not null,
    supplier    varchar(10)    not null,
    proposed    integer        not null check (proposed > 0),
    approved    integer        check (approved >= 0),   -- null while the buyer has not decided
    approval    varchar(10)    check (approval in ('AUTO', 'BUYER', 'CHANGED', 'REJECTED')),
    unit_cost   numeric(12, 2) not null,
    currency    char(3)        not null,
    pack_size   integer        not null,
    minimum     integer        not null,
    rule        varchar(24)    not null,
    explanation varchar(2000)  not null,
    po_id       varchar(48),
    primary key (run_id, line_no)
);
create index replenishment_line_pending on hub.replenishment_line (sku) where approval is null;

create table hub.purchase_order (
    po_id      varchar(48)  primary key,          -- PO-<store>-<yyyymmdd>-<n>-<vendor>: the ERP keeps it as its "your reference"
    run_id     varchar(40)  not null references hub.replenishment_run,
    store_id   varchar(20)  not null references hub.store,
    supplier   varchar(10)  not null,
    status     varchar(16)  not null check (status in ('PLACED', 'ACCEPTED', 'REFUSED', 'PARTLY_RECEIVED', 'RECEIVED',
                                                       'CANCELLED', 'CLOSED_SHORT', 'DROPPED')),
    erp_number varchar(10)  unique,
    erp_reason varchar(500),
    due_date   date         not null,
    created_at timestamptz  not null default now(),
    updated_at timestamptz  not null default now()
);
create index purchase_order_open on hub.purchase_order (store_id) where status in ('PLACED', 'ACCEPTED', 'PARTLY_RECEIVED');

create table hub.purchase_order_line (
    po_id     varchar(48)    not null references hub.purchase_order,
    line_no   integer        not null,             -- 10, 20, ...: the ERP's item number
    sku       varchar(32)    not null,
    quantity  integer        not null check (quantity > 0),
    received  integer        not null default 0 check (received >= 0),
    cancelled integer        not null default 0 check (cancelled >= 0),
    unit_cost numeric(12, 2) not null,
    currency  char(3)        not null,
    primary key (po_id, line_no)
);

create table hub.goods_receipt (
    erp_document varchar(10) not null,
    erp_item     integer     not null,
    po_id        varchar(48) not null references hub.purchase_order,
    line_no      integer     not null,
    quantity     integer     not null check (quantity > 0),
    received_at  timestamptz not null default now(),
    primary key (erp_document, erp_item)
);
