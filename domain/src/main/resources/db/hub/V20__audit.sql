-- Append-only audit trail: who deployed which model, retried which incident, completed which task, changed which
-- master data. Rows are only ever inserted; a trigger refuses UPDATE, DELETE and TRUNCATE, and the privileges are revoked.
-- (V20 leaves V7..V19 to the branches working in parallel.)
create table hub.audit_event (
    id           bigserial primary key,
    occurred_at  timestamptz  not null default now(),
    actor        varchar(128) not null,
    action       varchar(64)  not null,
    subject_type varchar(64)  not null,
    subject_id   varchar(128),
    detail       varchar(1000)
);
create index audit_event_occurred_at on hub.audit_event (occurred_at);
create index audit_event_actor on hub.audit_event (actor, occurred_at);

create function hub.audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'hub.audit_event is append-only';
end
$$;
create trigger audit_event_no_change before update or delete on hub.audit_event
    for each row execute function hub.audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on hub.audit_event
    for each statement execute function hub.audit_event_is_append_only();

revoke update, delete, truncate on hub.audit_event from public;
revoke update, delete, truncate on hub.audit_event from current_user;
