-- Customer insight (issue 14): an order may name its customer, so its purchase counts in the customer's profile.
-- Kept pseudonymously as the golden id only (never a name or e-mail); null when the order named nobody or a customer
-- the hub does not know. Erasure keeps the golden id as a tombstone, so the reference stays valid and personal-data free.
alter table hub.customer_order add column customer_id varchar(20) references hub.customer on delete set null;
