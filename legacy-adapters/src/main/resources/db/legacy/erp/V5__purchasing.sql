-- The ERP's purchasing (issue 10): vendors (LFA1-like), purchasing info records per material and plant (EINE-like, with
-- the retailer's own Z-fields for the lead time's spread and the vendor's order days), purchase orders (EKKO/EKPO-like)
-- and their history of goods receipts (EKBE-like). Purchase orders reach the ERP as ORDERS IDocs through its IDoc
-- inbound; goods receipts are posted by the ERP's warehouse clerks and reach the hub through CDC.
create table lfa1 (
    lifnr varchar(10) primary key,
    name1 varchar(35) not null,
    sperm char(1),                                        -- X = blocked for purchasing: the ERP refuses its orders
    aenam varchar(12) not null default 'MIGRATION',
    laeda timestamp   not null default localtimestamp
);

create table eine (
    matnr         varchar(18)    not null references mara,
    werks         varchar(4)     not null,
    lifnr         varchar(10)    not null references lfa1,
    aplfz         integer        not null check (aplfz >= 0),  -- planned delivery time, days
    zz_aplfz_sd   numeric(5, 2)  not null default 0,           -- its standard deviation, days
    bstrg         numeric(13, 3) not null default 1,           -- rounding quantity: the pack
    minbm         numeric(13, 3) not null default 0,           -- minimum order quantity
    netpr         numeric(11, 2) not null,                     -- net purchase price per PEINH units
    peinh         integer        not null default 1,
    zz_order_days varchar(20)    not null,                     -- weekdays the vendor takes orders: MO,TU,WE,TH,FR,SA,SU
    primary key (matnr, werks)
);

create sequence ebeln_seq start 4500000001;

create table ekko (
    ebeln varchar(10) primary key,
    lifnr varchar(10) not null references lfa1,
    werks varchar(4)  not null,
    bedat date        not null,
    ihrez varchar(48) not null unique,                    -- "your reference": the sender's order number; one order per reference
    ernam varchar(12) not null,
    erdat timestamp   not null default localtimestamp
);

create table ekpo (
    ebeln varchar(10)    not null references ekko,
    ebelp integer        not null,                        -- 10, 20, 30, ...
    matnr varchar(18)    not null references mara,
    menge numeric(13, 3) not null check (menge > 0),
    netpr numeric(11, 2) not null,
    eindt date           not null,                        -- delivery date
    loekz char(1),                                        -- L = deleted: the rest will not be delivered
    elikz char(1),                                        -- X = delivery completed
    aenam varchar(12)    not null,
    laeda timestamp      not null default localtimestamp,
    primary key (ebeln, ebelp)
);

create sequence belnr_seq start 5000000001;

-- What the clerks post from the delivery note, unchecked against the order (so a wrong note reaches the hub as it is)
create table ekbe (
    belnr varchar(10)    not null,                        -- material document
    buzei integer        not null,                        -- its item
    ebeln varchar(10)    not null,
    ebelp integer        not null,
    bwart varchar(3)     not null default '101',          -- 101 goods receipt for a purchase order
    menge numeric(13, 3) not null,
    budat date           not null default current_date,
    ernam varchar(12)    not null,
    primary key (belnr, buzei)
);

alter publication retailhub_cdc add table ekko, ekpo, ekbe;

-- the capture role reads every published table during its initial snapshot; the hub reads vendors and info records
grant select on lfa1, eine, ekko, ekpo, ekbe to ${cdcRole};
