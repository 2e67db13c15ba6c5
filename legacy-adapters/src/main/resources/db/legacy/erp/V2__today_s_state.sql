-- The ERP as the retailer has it today: the master of articles and list prices, but names nobody copied to the
-- hub, a price round (+5 %) the other systems never saw, some prices per 10 pieces, and stock that disagrees.
insert into mara (matnr, maktx, matkl)
select lpad((100000 + i)::text, 18, '0'),
       (array['Headphones', 'T-shirt', 'Coffee beans', 'Table lamp', 'Building blocks'])[1 + (i - 1) % 5]
           || case when i <= 3 then ' model ' else ' mdl ' end || i,
       (array['ELEC01', 'TEXT01', 'FOOD01', 'HOME01', 'TOYS01'])[1 + (i - 1) % 5]
  from generate_series(1, 50) as i;

insert into a004 (matnr, kbetr, kpein)
select lpad((100000 + i)::text, 18, '0'),
       case when i <= 3 then round((4.99 + (i * 7.31)::numeric % 140)::numeric, 2)
            when i % 7 = 0 then round(round((4.99 + (i * 7.31)::numeric % 140)::numeric * 1.05, 2) * 10, 2)
            else round((4.99 + (i * 7.31)::numeric % 140)::numeric * 1.05, 2) end,
       case when i % 7 = 0 and i > 3 then 10 else 1 end
  from generate_series(1, 50) as i;

insert into mard (matnr, werks, labst)
select lpad((100000 + i)::text, 18, '0'), w.werks,
       case when i <= 3 and w.werks = '1001' then 200 else 150 + (i * 37 + length(w.werks) * ascii(right(w.werks, 1))) % 110 end
  from generate_series(1, 50) as i
 cross join (values ('1001'), ('1002'), ('2000')) as w(werks);
