-- The dead-letter desk: every source's dead letters in the hub's database, so an operator can list, replay or discard
-- them (GET/POST /api/dead-letters, Cockpit's "Dead letters" page).
-- Channel messages refused by the intake go to the Kafka topic orders.deadletter; the desk copies each one here once
-- (its partition and offset are its identity), with the bytes as they came (card numbers already masked).
create table hub.channel_dead_letter (
    id              bigserial primary key,
    source_topic    varchar(249)  not null,
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
    constraint channel_dead_letter_once unique (partition_no, kafka_offset),
    constraint channel_dead_letter_resolved check ((resolved_at is null) = (resolution is null))
);
create index channel_dead_letter_open on hub.channel_dead_letter (received_at) where resolved_at is null;

-- Captured changes and island file lines: how and by whom a dead letter was resolved. Rows resolved before this
-- version (resolved_at set, no resolution) stay as they are.
alter table hub.cdc_dead_letter add column resolution varchar(16) check (resolution in ('REPLAYED', 'DISCARDED'));
alter table hub.cdc_dead_letter add column resolved_by varchar(128);
alter table hub.cdc_dead_letter add column resolution_note varchar(500);
