-- Integrations (the hub) create customers through the CRM's API with their own key; the CRM keeps it so a repeated
-- create returns the customer made the first time instead of a duplicate.
alter table contact add column ext_ref varchar(32);
create unique index contact_ext_ref on contact (ext_ref) where ext_ref is not null;
