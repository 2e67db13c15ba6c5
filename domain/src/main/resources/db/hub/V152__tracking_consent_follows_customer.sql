-- A golden customer deleted as the duplicate of another (reconciliation's merge) takes its consent row with it: the
-- surviving customer's consent is the CRM's surviving contact's, captured like any CRM change. Without this the merge
-- failed on the foreign key once the CRM's consent flowed in.
alter table hub.tracking_consent drop constraint tracking_consent_customer_id_fkey,
    add constraint tracking_consent_customer_id_fkey foreign key (customer_id) references hub.customer on delete cascade;
