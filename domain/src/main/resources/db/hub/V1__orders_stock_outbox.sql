-- The hub's own schema. Camunda keeps its tables in "public"; ours live in "hub" so Flyway never baselines over them.

create table hub.store (
    store_id   varchar(20) primary key,
    name       varchar(100) not null,
    city       varchar(60)  not null
);

create table hub.article (
    sku        varchar(32) primary key,
    name       varchar(120)  not null,
    category   varchar(32)   not null,
    list_price numeric(12, 2) not null check (list_price >= 0),
    currency   char(3)       not null default 'EUR',
    active     boolean       not null default true
);

-- Reservations can never exceed what is on hand: the check below is the last line of defence behind
-- the ledger's conditional update.
create table hub.stock (
    store_id varchar(20) not null references hub.store,
    sku      varchar(32) not null references hub.article,
    on_hand  integer     not null check (on_hand >= 0),
    reserved integer     not null default 0 check (reserved >= 0),
    primary key (store_id, sku),
    constraint stock_reserved_within_on_hand check (reserved <= on_hand)
);

create sequence hub.order_number_seq;

create table hub.customer_order (
    id            uuid primary key,
    channel       varchar(16) not null,
    external_id   varchar(64) not null,
    store_id      varchar(20) not null references hub.store,
    loyalty_tier  varchar(16) not null,
    allow_partial boolean     not null,
    status        varchar(24) not null,
    status_reason varchar(500),
    order_number  varchar(20) unique,
    total         numeric(12, 2),
    currency      char(3)     not null,
    received_at   timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    constraint customer_order_once_per_channel unique (channel, external_id)
);
create index customer_order_status on hub.customer_order (status);

create table hub.order_line (
    order_id          uuid        not null references hub.customer_order on delete cascade,
    line_no           integer     not null,
    sku               varchar(32) not null references hub.article,
    quantity          integer     not null check (quantity > 0),
    reserved_quantity integer,
    unit_price        numeric(12, 2),
    discount          numeric(12, 2),
    line_total        numeric(12, 2),
    primary key (order_id, line_no)
);

create table hub.order_promotion (
    id               bigserial primary key,
    order_id         uuid          not null references hub.customer_order on delete cascade,
    line_no          integer       not null,
    code             varchar(40)   not null,
    discount_percent integer       not null,
    amount           numeric(12, 2) not null
);
create index order_promotion_order on hub.order_promotion (order_id);

create table hub.order_history (
    id       bigserial primary key,
    order_id uuid        not null references hub.customer_order on delete cascade,
    status   varchar(24) not null,
    reason   varchar(500),
    at       timestamptz not null default now()
);
create index order_history_order on hub.order_history (order_id);

create table hub.reservation (
    order_id   uuid        not null references hub.customer_order on delete cascade,
    line_no    integer     not null,
    store_id   varchar(20) not null,
    sku        varchar(32) not null,
    quantity   integer     not null check (quantity > 0),
    state      varchar(10) not null check (state in ('HELD', 'RELEASED', 'COMMITTED')),
    created_at timestamptz not null default now(),
    settled_at timestamptz,
    primary key (order_id, line_no),
    foreign key (store_id, sku) references hub.stock (store_id, sku)
);

create table hub.outbox (
    seq          bigserial primary key,
    event_id     uuid        not null unique,
    topic        varchar(100) not null,
    event_key    varchar(100) not null,
    event_type   varchar(60) not null,
    payload      jsonb       not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_unpublished on hub.outbox (seq) where published_at is null;
