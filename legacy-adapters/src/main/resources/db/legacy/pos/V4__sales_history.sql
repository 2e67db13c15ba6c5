-- Three years of till sales as the old back office archived them before till_sale existed: its own line id, the sale
-- date as the text the tills printed (DD.MM.YYYY), no constraints. The data migration moves it to the hub
-- (docs/data-migration.md); LegacyHistoryGenerator fills it, with the defects such archives have.
create table sale_history (
    sale_id      bigint primary key,
    store_no     smallint    not null,
    receipt_no   integer     not null,
    line_no      smallint    not null,
    sold_on      varchar(10) not null,
    plu          integer     not null,
    qty          integer     not null,
    amount_cents integer     not null,
    card_no      varchar(16)
);
-- the duplicate rule looks up an earlier line with the same receipt and line number
create index sale_history_line on sale_history (store_no, receipt_no, line_no, sale_id);
