-- The ERP's material management: material master (MARA/MAKT-like), sales price conditions (per price unit),
-- plant stock (MARD-like, decimals for units of measure). Material numbers are 18 digits, plants 4 characters.
create table mara (
    matnr varchar(18) primary key,
    maktx varchar(40) not null,
    matkl varchar(9)  not null,                          -- material group: ELEC01, TEXT01, FOOD01, HOME01, TOYS01
    meins varchar(3)  not null default 'ST',
    lvorm char(1),                                        -- X = flagged for deletion
    aenam varchar(12) not null default 'MIGRATION',
    laeda timestamp   not null default localtimestamp
);

create table a004 (
    vkorg varchar(4)    not null default 'DE01',
    matnr varchar(18)   not null references mara,
    kbetr numeric(11, 2) not null,                        -- amount per KPEIN units
    kpein integer       not null default 1,
    konwa char(3)       not null default 'EUR',
    aenam varchar(12)   not null default 'MIGRATION',
    laeda timestamp     not null default localtimestamp,
    primary key (vkorg, matnr)
);

create table mard (
    matnr varchar(18)   not null references mara,
    werks varchar(4)    not null,
    labst numeric(13, 3) not null default 0,              -- unrestricted-use stock
    aenam varchar(12)   not null default 'MIGRATION',
    laeda timestamp     not null default localtimestamp,
    primary key (matnr, werks)
);

create table cdc_heartbeat (
    id      integer primary key,
    beat_at timestamptz not null
);

create publication retailhub_cdc for table mara, a004, mard, cdc_heartbeat;
