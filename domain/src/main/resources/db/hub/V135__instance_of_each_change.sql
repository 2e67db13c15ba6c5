-- Which hub instance made each status change of an order and published each event: the session's application_name,
-- which every instance sets to its own name (spring.datasource.hikari.data-source-properties.ApplicationName, by
-- default "retail-hub <host>/<pid>"). With several instances on one database an operator sees who received an order
-- (the RECEIVED row: REST call or Kafka partition), who ran each step, and who published its events; rows from before
-- this version stay empty. docs/architecture.md, "Scale-out".
alter table hub.order_history add column instance varchar(63);
alter table hub.order_history alter column instance set default nullif(current_setting('application_name', true), '');
alter table hub.outbox add column published_by varchar(63);
