-- The ERP's purchasing master data as the retailer has it: eight vendors, one per material (the same in every plant),
-- each with its lead time, packs, minimum order and order days; purchase prices about 60 % of the list price.
insert into lfa1 (lifnr, name1) values
    ('0000000101', 'Nordsound Electronics GmbH'),
    ('0000000102', 'Baltic Textiles AG'),
    ('0000000103', 'Hanse Kaffee Import KG'),
    ('0000000104', 'Lumen Home Design GmbH'),
    ('0000000105', 'Frische Feinkost Vertrieb GmbH'),
    ('0000000106', 'Spielwelt Großhandel GmbH'),
    ('0000000107', 'Elbe Elektro Distribution'),
    ('0000000108', 'Rhein Haushaltswaren AG');

insert into eine (matnr, werks, lifnr, aplfz, zz_aplfz_sd, bstrg, minbm, netpr, peinh, zz_order_days)
select m.matnr, w.werks, v.lifnr, v.aplfz, v.sd,
       (array[1, 6, 12, 4, 6])[1 + (i - 1) % 5],
       case when v.lifnr in ('0000000104', '0000000108') then 2 * (array[1, 6, 12, 4, 6])[1 + (i - 1) % 5] else 0 end,
       round(0.6 * (4.99 + (i * 7.31)::numeric % 140), 2), 1, v.days
  from generate_series(1, 50) as i
  join mara m on m.matnr = lpad((100000 + i)::text, 18, '0')
  join (values ('0000000101', 3, 1.0, 'MO,TH'),
               ('0000000102', 5, 1.5, 'TU,FR'),
               ('0000000103', 4, 1.0, 'MO,WE,FR'),
               ('0000000104', 6, 2.0, 'TU'),
               ('0000000105', 1, 0.25, 'MO,TU,WE,TH,FR,SA,SU'),
               ('0000000106', 7, 2.0, 'WE'),
               ('0000000107', 2, 0.5, 'MO,TU,WE,TH,FR,SA,SU'),
               ('0000000108', 3, 0.75, 'MO,WE,FR')) as v(lifnr, aplfz, sd, days)
    on v.lifnr = lpad((101 + (i - 1) % 8)::text, 10, '0')
 cross join (values ('1001'), ('1002'), ('2000')) as w(werks);
