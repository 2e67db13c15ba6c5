package org.retailhub.domain.replenishment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.retailhub.domain.shared.Money;

/**
 * A purchase order the hub placed for one store at one supplier.
 *
 * @param poId      the hub's number, the ERP's "your reference"
 * @param storeId   where the goods go
 * @param supplier  the supplier (the ERP's vendor number)
 * @param status    where it stands
 * @param erpNumber the ERP's purchase order number, once accepted
 * @param erpReason the ERP's last message (why it refused)
 * @param dueDate   when the goods are expected
 * @param lines     its lines
 */
public record PurchaseOrder(String poId, String storeId, String supplier, PurchaseOrderStatus status, String erpNumber,
                            String erpReason, LocalDate dueDate, List<Line> lines) {

    public PurchaseOrder {
        Objects.requireNonNull(poId, "poId");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
    }

    /**
     * One line.
     *
     * @param lineNo    10, 20, ...: the ERP's item number
     * @param sku       the article
     * @param quantity  units ordered
     * @param received  units received so far
     * @param cancelled units the ERP (or the buyer) cancelled
     * @param unitCost  purchase price of one unit
     */
    public record Line(int lineNo, String sku, int quantity, int received, int cancelled, Money unitCost) {

        /** Units still to come. */
        public int open() {
            return Math.max(0, quantity - received - cancelled);
        }
    }

    /** Units still to come over all lines. */
    public int open() {
        return lines.stream().mapToInt(Line::open).sum();
    }

    public int received() {
        return lines.stream().mapToInt(Line::received).sum();
    }
}
