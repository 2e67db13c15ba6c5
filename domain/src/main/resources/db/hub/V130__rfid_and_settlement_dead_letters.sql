-- The dead-letter desk takes two more sources (issue 17), so that every letter is in one list:
-- RFID reader messages and tag records the intake refused go to the Kafka topic rfid.deadletter, which the desk copies
-- here once per partition and offset (the topic alone keeps them only for its retention), with the MQTT topic they came
-- on, the reason and the bytes as they came.
create table hub.rfid_dead_letter (
    id              bigserial primary key,
    source_topic    varchar(256)  not null,
    message_key     varchar(256),
    partition_no    integer       not null,
    kafka_offset    bigint        not null,
    reason          varchar(1000) not null,
    payload         bytea         not null,
    received_at     timestamptz   not null default now(),
    resolved_at     timestamptz,
    resolution      varchar(16)   check (resolution in ('REPLAYED', 'DISCARDED')),
    resolved_by     varchar(128),
    resolution_note varchar(500),
    constraint rfid_dead_letter_once unique (partition_no, kafka_offset),
    constraint rfid_dead_letter_resolved check ((resolved_at is null) = (resolution is null))
);
create index rfid_dead_letter_open on hub.rfid_dead_letter (received_at) where resolved_at is null;

-- Settlement lines the hub could not read are kept where they were, as UNREADABLE mismatches of their run (reason and
-- line in detail); the desk lists them and records here how and by whom one was resolved.
alter table hub.settlement_mismatch add column resolved_at timestamptz;
alter table hub.settlement_mismatch add column resolution varchar(16) check (resolution in ('REPLAYED', 'DISCARDED'));
alter table hub.settlement_mismatch add column resolved_by varchar(128);
alter table hub.settlement_mismatch add column resolution_note varchar(500);
create index settlement_mismatch_unreadable_open on hub.settlement_mismatch (run_id) where kind = 'UNREADABLE' and resolved_at is null;
