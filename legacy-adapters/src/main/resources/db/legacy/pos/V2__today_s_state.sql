-- The POS as the retailer has it today: prices nobody updated since the last list-price round, upper-case
-- texts, two PLUs the ERP deleted long ago, five articles never loaded, and loyalty balances that lag the CRM.
insert into plu_item (plu, ean, short_text, dept_no, price_cents)
select 4000 + i,
       '40' || lpad((1000000000 + i * 7)::text, 11, '0'),
       upper(left((array['Headphones', 'T-shirt', 'Coffee beans', 'Table lamp', 'Building blocks'])[1 + (i - 1) % 5]
                  || case when i <= 3 then ' model ' else ' mdl ' end || i, 24)),
       1 + (i - 1) % 5,
       (round((4.99 + (i * 7.31)::numeric % 140)::numeric, 2) * 100)::integer
  from generate_series(1, 45) as i;

insert into plu_item (plu, ean, short_text, dept_no, price_cents) values
    (4901, '4000000049017', 'DISCONTINUED RADIO', 1, 1999),
    (4902, '4000000049024', 'OLD MUG', 4, 399);

insert into loyalty_member (card_no, crm_cust_no, member_name, email, points_bal)
select '99' || lpad(i::text, 14, '0'),
       'C' || lpad(i::text, 7, '0'),
       (array['Schmidt', 'Meyer', 'Weber', 'Wagner', 'Becker', 'Hoffmann'])[1 + i % 6] || ', ' || (array['Anna', 'Jonas', 'Lea', 'Paul', 'Mia'])[1 + i % 5],
       case when i % 4 = 0 then null else 'customer' || i || '@example.org' end,
       i * 10
  from generate_series(1, 30) as i;

insert into loyalty_member (card_no, crm_cust_no, member_name, email, points_bal) values
    ('9900000000000901', 'C0000901', 'Unknown, Walk-in', null, 50),
    ('9900000000000902', null, 'Kraus, Till', 'till.kraus@example.org', 0);
