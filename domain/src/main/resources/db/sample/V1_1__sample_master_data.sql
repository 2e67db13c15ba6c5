-- Sample master data for the embedded default and tests: three locations, fifty articles, stock everywhere.
insert into hub.store (store_id, name, city) values
    ('STORE-001', 'Berlin Mitte', 'Berlin'),
    ('STORE-002', 'Hamburg Altona', 'Hamburg'),
    ('WEB-DC',    'Online distribution centre', 'Kassel');

insert into hub.article (sku, name, category, list_price)
select 'SKU-' || lpad(i::text, 4, '0'),
       (array['Headphones', 'T-shirt', 'Coffee beans', 'Table lamp', 'Building blocks'])[1 + (i - 1) % 5] || ' model ' || i,
       (array['ELECTRONICS', 'APPAREL', 'GROCERY', 'HOME', 'TOYS'])[1 + (i - 1) % 5],
       round((4.99 + (i * 7.31)::numeric % 140)::numeric, 2)
  from generate_series(1, 50) as i;

insert into hub.stock (store_id, sku, on_hand)
select s.store_id, a.sku, 200
  from hub.store s cross join hub.article a;
