-- The dead-letter desk takes two more sources (issue 17), so that every letter is in one list:
-- RFID reader messages and tag records the intake refused go to the Kafka topic rfid.deadletter, which the desk copies
-- here once per partition and offset (the topic alone keeps them only for its retention), with the MQTT topic they came
-- on, the reason and the bytes as they came.
-- Same columns, checks and indexes as the channel's letters (ids drawn from the same sequence, so unique across both).
create table hub.rfid_dead_letter (like hub.channel_dead_letter including all);

-- Settlement lines the hub could not read are kept where they were, as UNREADABLE mismatches of their run (reason and
-- line in detail); the desk lists them and records here how and by whom one was resolved.
alter table hub.settlement_mismatch add column resolved_at timestamptz;
alter table hub.settlement_mismatch add column resolution varchar(16) check (resolution in ('REPLAYED', 'DISCARDED'));
alter table hub.settlement_mismatch add column resolved_by varchar(128);
alter table hub.settlement_mismatch add column resolution_note varchar(500);
create index settlement_mismatch_unreadable_open on hub.settlement_mismatch (run_id) where kind = 'UNREADABLE' and resolved_at is null;
