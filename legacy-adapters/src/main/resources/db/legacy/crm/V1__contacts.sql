-- The CRM's customer contacts as the agents keep them: customer numbers C + 7 digits, names split, optional
-- email and phone, a loyalty balance and tier.
create table contact (
    cust_no        varchar(10) primary key,
    salutation     varchar(10),
    first_name     varchar(40),
    last_name      varchar(40) not null,
    email          varchar(120),
    phone          varchar(30),
    loyalty_points integer     not null default 0,
    tier           char(1),                              -- G gold, S silver, B bronze
    deleted        boolean     not null default false,
    modified_by    varchar(30) not null default 'import',
    modified_at    timestamptz not null default now()
);
create sequence contact_seq start with 1000;

create table cdc_heartbeat (
    id      integer primary key,
    beat_at timestamptz not null
);

create publication retailhub_cdc for table contact, cdc_heartbeat;
