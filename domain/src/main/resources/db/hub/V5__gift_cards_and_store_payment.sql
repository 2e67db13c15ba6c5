-- Gift cards (held in the CRM) pay all or part of an order; pay-in-store orders are confirmed by the till.
alter table hub.customer_order add column gift_card_number varchar(19);
alter table hub.payment add column gift_card_number varchar(19);
alter table hub.payment add column gift_card_amount numeric(12, 2) not null default 0 check (gift_card_amount >= 0);
alter table hub.payment add column gift_card_redemption varchar(64);
