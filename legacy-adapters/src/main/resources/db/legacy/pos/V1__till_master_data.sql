-- The POS back office of the stores: PLU master the tills load each morning, loyalty cards, and till sales.
-- Prices in cents, upper-case short texts cut to the till display (24 characters), departments as numbers.
create table plu_item (
    plu         integer primary key,
    ean         varchar(13),
    short_text  varchar(24) not null,
    dept_no     smallint,
    price_cents integer     not null,
    status      char(1)     not null default 'A',      -- A active, D deleted
    upd_user    varchar(12) not null default 'POSADM',
    upd_ts      timestamp   not null default localtimestamp
);

create table loyalty_member (
    card_no     varchar(16) primary key,
    crm_cust_no varchar(10),                             -- printed on the application form; null for till-issued cards
    member_name varchar(40) not null,                    -- "LASTNAME, Firstname"
    email       varchar(80),
    points_bal  integer,
    status      char(1)     not null default 'A',
    upd_user    varchar(12) not null default 'POSADM',
    upd_ts      timestamp   not null default localtimestamp
);

create table till_sale (
    store_no     smallint  not null,
    till_no      smallint  not null,
    receipt_no   integer   not null,
    line_no      smallint  not null,
    plu          integer   not null,
    qty          integer   not null,
    amount_cents integer   not null,
    sold_at      timestamp not null default localtimestamp,
    upd_user     varchar(12) not null default 'TILL',
    primary key (store_no, till_no, receipt_no, line_no)
);
create sequence receipt_no_seq;

-- written by the hub's CDC heartbeat so an idle POS database still moves its replication slot forward
create table cdc_heartbeat (
    id      integer primary key,
    beat_at timestamptz not null
);

create publication retailhub_cdc for table plu_item, loyalty_member, till_sale, cdc_heartbeat;
