-- The hub instances sharing this database, each with the lock owner of its Camunda job executor and a heartbeat.
-- An instance whose heartbeat stopped (killed, or cut off) has its job locks released by a live one
-- (org.retailhub.processes.recovery.JobLockRecovery), so its jobs run again within seconds instead of after
-- Camunda's lock time. docs/architecture.md, "Guarantees".
create table hub.hub_instance (
    lock_owner   varchar(255) primary key,
    host         varchar(255) not null,
    pid          bigint       not null,
    started_at   timestamptz  not null default now(),
    heartbeat_at timestamptz  not null default now()
);
