-- The data lake (issue 14): canonical events exported to Parquet files by the lake's exporter (connectors, lake).
--
-- A customer appears in the lake only as a pseudonym: HMAC-SHA256 of the golden id under a random key of that customer
-- alone. Erasing the customer destroys the key (trigger below, in the erasure's own transaction), so nobody can
-- compute the pseudonym again and the customer's lake rows can no longer be linked to anyone.
create table hub.lake_customer_key (
    customer_id varchar(20) primary key references hub.customer on delete cascade,
    secret      bytea       not null check (length(secret) = 32),
    created_at  timestamptz not null default now()
);

create function hub.lake_forget_erased_customer() returns trigger language plpgsql as $$
begin
    delete from hub.lake_customer_key where customer_id = new.customer_id;
    return new;
end $$;

create trigger lake_forget_erased_customer after update of erased_at on hub.customer
    for each row when (new.erased_at is not null) execute function hub.lake_forget_erased_customer();

-- How far the exporter has read each source partition. next_offset is the first record not in the lake yet;
-- pending_to, when set, is the last offset of a batch whose files may be written but are not committed: the exporter
-- writes that very batch again (same records, same file names, overwritten) before reading on. So a crash between the
-- files and this row neither loses nor duplicates a row.
create table hub.lake_watermark (
    topic       varchar(100) not null,
    partition_no integer     not null,
    next_offset bigint       not null default 0,
    pending_to  bigint,
    updated_at  timestamptz  not null default now(),
    primary key (topic, partition_no)
);

-- Every committed file of the lake (path relative to the lake's folder), committed with the watermark it moved;
-- uploaded_at is set once the object storage holds it (never, when none is configured).
create table hub.lake_file (
    path        varchar(300) primary key,
    event_type  varchar(40)  not null,
    event_date  date         not null,
    row_count   integer      not null,
    created_at  timestamptz  not null default now(),
    uploaded_at timestamptz
);
create index lake_file_to_upload on hub.lake_file (created_at) where uploaded_at is null;
