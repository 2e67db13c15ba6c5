-- A year of daily sales for every article in every location, ending the day before the database was made, so that the
-- embedded default's replenishment has a history to forecast from: 2 to 24 a day by article (55 more for the fresh
-- articles of the two vendors that deliver every day, so that some of them need ordering whatever the weekday), a
-- weekly profile (Friday and Saturday busy, Sunday quiet), a yearly wave of ±15 %, the locations' sizes, some noise.
insert into hub.sales_history (store_id, sku, day, quantity)
select s.store_id, a.sku, d::date,
       greatest(0, round((2 + (a.n * 37) % 23 + case when (a.n - 1) % 8 in (4, 6) then 55 else 0 end)
                         * (case extract(isodow from d) when 5 then 1.3 when 6 then 1.6 when 7 then 0.5 else 0.9 end)
                         * (case s.store_id when 'STORE-002' then 0.7 when 'WEB-DC' then 1.5 else 1 end)
                         * (1 + 0.15 * sin(2 * pi() * extract(doy from d) / 365.25))
                         + ((abs(hashtext(s.store_id || a.sku || d::date::text)) % 7) - 3) * 0.6))
  from hub.store s
 cross join (select sku, substring(sku from 5)::int as n from hub.article) a
 cross join generate_series(current_date - 365, current_date - 1, interval '1 day') d;
