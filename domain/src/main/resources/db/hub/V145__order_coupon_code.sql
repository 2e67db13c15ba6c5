-- The coupon code a customer entered with the order (validated at the intake edge, upper case); promotions may ask for it.
alter table hub.customer_order add column coupon_code varchar(20);
