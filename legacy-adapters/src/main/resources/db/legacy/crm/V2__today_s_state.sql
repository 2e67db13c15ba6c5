-- The CRM as the retailer has it today: 37 customers, three of them entered twice by different agents
-- (same email, different case or spelling), none of them known to the hub yet.
insert into contact (cust_no, salutation, first_name, last_name, email, phone, loyalty_points, tier)
select 'C' || lpad(i::text, 7, '0'),
       case when i % 2 = 0 then 'Frau' else 'Herr' end,
       (array['Anna', 'Jonas', 'Lea', 'Paul', 'Mia'])[1 + i % 5],
       (array['Schmidt', 'Meyer', 'Weber', 'Wagner', 'Becker', 'Hoffmann'])[1 + i % 6],
       case when i % 4 = 0 then null else 'customer' || i || '@example.org' end,
       '+49 30 ' || (5550000 + i),
       i * 10 + 25,
       (array['G', 'S', 'B'])[1 + i % 3]
  from generate_series(1, 37) as i;

insert into contact (cust_no, salutation, first_name, last_name, email, loyalty_points, tier, modified_by) values
    ('C0000038', 'Herr', 'Paul', 'Meyer', 'Customer3@Example.org', 0, 'B', 'agent.lisa'),
    ('C0000039', 'Frau', 'Mia', 'Hoffman', 'customer7@example.org', 40, 'B', 'agent.tom'),
    ('C0000040', 'Frau', 'Lea', 'Schmidt', 'CUSTOMER11@example.org', 0, null, 'agent.tom');
