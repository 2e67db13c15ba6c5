-- Customers' personal data at rest is sealed (issue 19): name and e-mail are kept AES-GCM encrypted with a key from
-- configuration (hub.personal-data.*), the id of that key per row so keys can be rotated. The hub seals what is still
-- in clear at its next start and empties the *_unsealed columns (GoldenRecords.resealCustomers); a later migration
-- drops them. erased_at marks a customer whose personal data was erased on request: the row stays as a tombstone so
-- the CRM's later changes of that customer are recognised and not taken in again.
alter table hub.customer rename column name to name_unsealed;
alter table hub.customer rename column email to email_unsealed;
alter table hub.customer alter column name_unsealed drop not null;
alter table hub.customer
    add column key_id       varchar(32),
    add column name_sealed  bytea,
    add column email_sealed bytea,
    add column erased_at    timestamptz;
alter table hub.customer add constraint customer_erased_keeps_nothing
    check (erased_at is null or (name_unsealed is null and email_unsealed is null and name_sealed is null and email_sealed is null));
create index customer_erased on hub.customer (customer_id) where erased_at is not null;
