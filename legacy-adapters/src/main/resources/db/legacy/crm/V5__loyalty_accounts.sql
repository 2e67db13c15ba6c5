-- The loyalty programme's accounts as the CRM's old module kept them: one per card, the holder copied in (not always
-- a known contact), free-text e-mail, phone and postcode, no constraints. The data migration moves them to the hub
-- (docs/data-migration.md); LegacyHistoryGenerator fills the table, with the defects such data has.
create table loyalty_account (
    account_no  bigint primary key,
    cust_no     varchar(10),
    card_no     varchar(16) not null,
    holder_name varchar(80) not null,
    email       varchar(120),
    phone       varchar(30),
    postcode    varchar(10),
    points      integer     not null,
    opened_on   date        not null
);
-- the duplicate rule looks up an earlier account with the same card
create index loyalty_account_card on loyalty_account (card_no, account_no);
