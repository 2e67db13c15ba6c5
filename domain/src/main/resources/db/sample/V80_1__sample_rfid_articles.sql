-- Sample RFID tagging, the pilot: two apparel articles carry SGTINs under the sample GS1 Company Prefix 4012345 with
-- the SKU's number as item reference, so SKU-0022 is GTIN 04012345000221 and its tags urn:epc:id:sgtin:4012345.000022.<serial>.
-- Only tagged articles are counted by RFID (hub.article_gtin).
insert into hub.article_gtin (gtin, sku)
select g.digits || ((10 - (select sum(substr(g.digits, i, 1)::int * (case when i % 2 = 0 then 1 else 3 end))
                              from generate_series(1, 13) as i) % 10) % 10)::text,
       g.sku
  from (select sku, '0' || '4012345' || lpad(substr(sku, 5)::int::text, 5, '0') as digits
          from hub.article where sku in ('SKU-0022', 'SKU-0037')) as g;
