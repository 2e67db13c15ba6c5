package org.retailhub.domain.insight;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Purchases from the hub's own orders: a paid order that names its customer ({@code hub.customer_order.customer_id},
 * a golden id) counts each of its lines as a {@code PURCHASE} through the same edge as the beacons
 * ({@link BehaviourIntake}: consent, catalogue, value at list price). An order that names nobody counts nothing. Each
 * line carries its reference ({@link Interaction#orderLine()}): the stream counts a line once however often the
 * order's {@code OrderPaid} is delivered.
 */
public class OrderPurchases {

    private final JdbcTemplate jdbc;
    private final BehaviourIntake intake;

    public OrderPurchases(JdbcTemplate jdbc, BehaviourIntake intake) {
        this.jdbc = jdbc;
        this.intake = intake;
    }

    /** Takes the paid order's lines as purchases made at {@code paidAt}; one outcome per line, none if the order names nobody. */
    public List<BehaviourOutcome> paid(UUID orderId, Instant paidAt) {
        record Line(BehaviourReport report, String reference) {
        }
        List<Line> lines = jdbc.query("""
                        select o.customer_id, o.store_id, l.sku, l.quantity, l.line_no
                        from hub.customer_order o join hub.order_line l on l.order_id = o.id
                        where o.id = ? and o.customer_id is not null order by l.line_no""",
                (rs, n) -> new Line(new BehaviourReport(rs.getString("customer_id"), rs.getString("sku"), InteractionKind.PURCHASE,
                        rs.getString("store_id"), rs.getInt("quantity"), paidAt), orderId + "/" + rs.getInt("line_no")), orderId);
        List<BehaviourOutcome> outcomes = new ArrayList<>(lines.size());
        lines.forEach(line -> outcomes.add(intake.accept(line.report(), line.reference())));
        return outcomes;
    }
}
