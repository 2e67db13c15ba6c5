-- The hub's capture role reads the published tables (initial snapshot) and beats the heartbeat; nothing more.
grant usage on schema public to ${cdcRole};
grant select on all tables in schema public to ${cdcRole};
grant insert, update on cdc_heartbeat to ${cdcRole};
