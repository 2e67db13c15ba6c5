-- Stock that was committed for an order whose fulfilment then failed goes back on hand: state RETURNED.
alter table hub.reservation drop constraint reservation_state_check;
alter table hub.reservation add constraint reservation_state_check check (state in ('HELD', 'RELEASED', 'COMMITTED', 'RETURNED'));
alter table hub.customer_order add column delivery_id varchar(32);
