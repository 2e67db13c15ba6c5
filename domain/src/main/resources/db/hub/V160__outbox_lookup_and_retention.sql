-- The order journey (Cockpit plugin) reads an order's events by their key; without an index that is a scan of every
-- event the hub ever published. Published events are purged after `hub.outbox.retention` (OutboxRelay), oldest first
-- along the primary key, so no further index is needed for that.
create index outbox_event_key on hub.outbox (event_key);
