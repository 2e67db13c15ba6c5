-- Sample RFID tagging: the apparel articles carry SGTINs under the sample GS1 Company Prefix 4012345 (item reference
-- = the SKU's number), so SKU-0002 is GTIN 04012345000023 and its tags urn:epc:id:sgtin:4012345.000002.<serial>.
insert into hub.article_gtin (gtin, sku)
select g.digits || ((10 - (select sum(substr(g.digits, i, 1)::int * (case when i % 2 = 0 then 1 else 3 end))
                              from generate_series(1, 13) as i) % 10) % 10)::text,
       g.sku
  from (select sku, '0' || '4012345' || lpad(substr(sku, 5)::int::text, 5, '0') as digits
          from hub.article where category = 'APPAREL') as g;
