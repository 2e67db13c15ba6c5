-- Gift card numbers are no longer stored: orders and payments keep the CRM vault's token and the last four digits.
-- Rows from before this version keep only the last four digits (a number cannot be tokenised in SQL): a gift card
-- payment still waiting for its redemption when this runs cannot redeem and ends declined; drain them first.
alter table hub.customer_order add column gift_card_token varchar(64);
alter table hub.customer_order add column gift_card_last4 char(4);
update hub.customer_order set gift_card_last4 = right(gift_card_number, 4) where gift_card_number is not null;
alter table hub.customer_order drop column gift_card_number;

alter table hub.payment add column gift_card_token varchar(64);
alter table hub.payment add column gift_card_last4 char(4);
update hub.payment set gift_card_last4 = right(gift_card_number, 4) where gift_card_number is not null;
alter table hub.payment drop column gift_card_number;
