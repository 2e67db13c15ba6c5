-- A settlement line the hub cannot read is reported with the file's other mismatches, not silently dropped:
-- kind UNREADABLE, reference 'line <n>', detail = the reason and the line as the provider sent it.
alter table hub.settlement_mismatch drop constraint settlement_mismatch_kind_check;
alter table hub.settlement_mismatch add constraint settlement_mismatch_kind_check
    check (kind in ('MISSING', 'EXTRA', 'AMOUNT_DIFFERS', 'UNREADABLE'));
alter table hub.settlement_mismatch add column detail varchar(1000);
