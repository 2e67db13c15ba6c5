-- How the legacy islands of the sample data name the hub's stores and articles.
insert into hub.key_xref (kind, hub_key, island, native_key) values
    ('STORE', 'STORE-001', 'ERP', '1001'),
    ('STORE', 'STORE-002', 'ERP', '1002'),
    ('STORE', 'WEB-DC',    'ERP', '2000'),
    ('STORE', 'STORE-001', 'POS', '11'),
    ('STORE', 'STORE-002', 'POS', '12');

insert into hub.key_xref (kind, hub_key, island, native_key)
select 'ARTICLE', 'SKU-' || lpad(i::text, 4, '0'), 'ERP', lpad((100000 + i)::text, 18, '0')
  from generate_series(1, 50) as i;

insert into hub.key_xref (kind, hub_key, island, native_key)
select 'ARTICLE', 'SKU-' || lpad(i::text, 4, '0'), 'POS', (4000 + i)::text
  from generate_series(1, 50) as i;
