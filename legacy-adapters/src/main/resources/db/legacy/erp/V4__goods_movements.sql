-- The ERP's material documents for goods movements posted by other systems (the hub's till sales and order lines):
-- the reference is unique, so a movement posted twice moves stock once.
create table goods_movement (
    ref        varchar(80)    primary key,
    matnr      varchar(18)    not null references mara,
    werks      varchar(4)     not null,
    menge      numeric(13, 3) not null,   -- pieces leaving unrestricted stock; negative for a return
    created_by varchar(12)    not null,
    created_at timestamp      not null default localtimestamp
);

-- the capture role reads every table of the island during its initial snapshot
grant select on goods_movement to ${cdcRole};
