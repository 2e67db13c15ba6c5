-- The data migration's fourth entity: ERP materials with their sales price as canonical articles.
create table hub.migrated_article (
    source_key   bigint primary key,
    sku          varchar(16)   not null,
    material_no  varchar(18)   not null,
    name         varchar(40)   not null,
    category     varchar(16)   not null,
    unit         varchar(3)    not null,
    price        numeric(11,2) not null,
    currency     char(3)       not null,
    run_id       varchar(36)   not null,
    loads        integer       not null default 1
);
create index migrated_article_run on hub.migrated_article (run_id);

create table masked_copy.migrated_article (like hub.migrated_article including all);
