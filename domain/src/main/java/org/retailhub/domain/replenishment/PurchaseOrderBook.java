package org.retailhub.domain.replenishment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.retailhub.domain.inventory.StockMovement;
import org.retailhub.domain.inventory.StockMovementKind;
import org.retailhub.domain.inventory.StockMovements;
import org.retailhub.domain.shared.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The purchase orders the hub placed ({@code hub.purchase_order}, its lines, and the goods receipts the ERP reported
 * against them). Receipts are booked once per ERP material document item; an order's status follows from its lines.
 */
public class PurchaseOrderBook {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final StockMovements movements;

    public PurchaseOrderBook(JdbcTemplate jdbc, TransactionTemplate transactions, StockMovements movements) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.movements = movements;
    }

    public Optional<PurchaseOrder> find(String poId) {
        List<PurchaseOrder.Line> lines = jdbc.query("select line_no, sku, quantity, received, cancelled, unit_cost, currency "
                        + "from hub.purchase_order_line where po_id = ? order by line_no",
                (rs, i) -> new PurchaseOrder.Line(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        new Money(rs.getBigDecimal(6), Currency.getInstance(rs.getString(7)))), poId);
        return jdbc.query("select po_id, store_id, supplier, status, erp_number, erp_reason, due_date from hub.purchase_order where po_id = ?",
                (rs, i) -> new PurchaseOrder(rs.getString(1), rs.getString(2), rs.getString(3), PurchaseOrderStatus.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), lines), poId).stream().findFirst();
    }

    public PurchaseOrder get(String poId) {
        return find(poId).orElseThrow(() -> new IllegalArgumentException("no purchase order " + poId));
    }

    /** The ERP took the order under its number. */
    public void accepted(String poId, String erpNumber) {
        status(poId, PurchaseOrderStatus.ACCEPTED, erpNumber, null);
    }

    /** The ERP refused the order, for this reason. */
    public void refused(String poId, String reason) {
        status(poId, PurchaseOrderStatus.REFUSED, null, reason);
    }

    /** The buyer sends a refused order again (after the reason was dealt with in the ERP). */
    public void placedAgain(String poId) {
        status(poId, PurchaseOrderStatus.PLACED, null, null);
    }

    /** The buyer dropped a refused order: it is no longer on order. */
    public void dropped(String poId) {
        status(poId, PurchaseOrderStatus.DROPPED, null, null);
    }

    private void status(String poId, PurchaseOrderStatus status, String erpNumber, String reason) {
        jdbc.update("update hub.purchase_order set status = ?, erp_number = coalesce(?, erp_number), erp_reason = ?, updated_at = now() "
                + "where po_id = ?", status.name(), erpNumber, reason == null ? null : abbreviate(reason, 500), poId);
    }

    /**
     * Books a goods receipt once (a receipt delivered again changes nothing) and publishes it as a stock movement
     * ({@link StockMovementKind#GOODS_RECEIPT}, positive) in the same transaction; answers the hub's order it belongs
     * to, empty for an ERP order the hub did not place. A receipt for an item the order does not have is refused.
     */
    public Optional<String> receive(GoodsReceipt receipt) {
        return transactions.execute(tx -> {
            Optional<String> poId = lockByErpNumber(receipt.erpNumber());
            if (poId.isEmpty()) {
                return poId;
            }
            ReceivedLine line = jdbc.query("""
                    select o.store_id, l.sku from hub.purchase_order_line l join hub.purchase_order o on o.po_id = l.po_id
                     where l.po_id = ? and l.line_no = ?""",
                    rs -> rs.next() ? new ReceivedLine(rs.getString(1), rs.getString(2)) : null, poId.get(), receipt.lineNo());
            if (line == null) {
                throw new InvalidGoodsReceiptException("ERP goods receipt " + receipt.erpDocument() + "/" + receipt.erpItem()
                        + " names item " + receipt.lineNo() + " of purchase order " + receipt.erpNumber() + " (" + poId.get()
                        + "), which has no such item");
            }
            List<Instant> booked = jdbc.query("insert into hub.goods_receipt (erp_document, erp_item, po_id, line_no, quantity) "
                            + "values (?, ?, ?, ?, ?) on conflict do nothing returning received_at",
                    (rs, i) -> rs.getTimestamp(1).toInstant(), receipt.erpDocument(), receipt.erpItem(), poId.get(), receipt.lineNo(), receipt.quantity());
            for (Instant at : booked) {
                jdbc.update("update hub.purchase_order_line set received = received + ? where po_id = ? and line_no = ?",
                        receipt.quantity(), poId.get(), receipt.lineNo());
                movements.publish(new StockMovement("receipt/" + receipt.erpDocument() + "/" + receipt.erpItem(), line.storeId(), line.sku(),
                        receipt.quantity(), StockMovementKind.GOODS_RECEIPT, at));
            }
            return poId;
        });
    }

    private record ReceivedLine(String storeId, String sku) {
    }

    /** The ERP cancelled what is still open of one item; answers the hub's order, empty for an order the hub did not place. */
    public Optional<String> cancelItem(String erpNumber, int lineNo) {
        return transactions.execute(tx -> {
            Optional<String> poId = lockByErpNumber(erpNumber);
            poId.ifPresent(po -> jdbc.update("update hub.purchase_order_line set cancelled = greatest(0, quantity - received) "
                    + "where po_id = ? and line_no = ?", po, lineNo));
            return poId;
        });
    }

    private Optional<String> lockByErpNumber(String erpNumber) {
        return jdbc.query("select po_id from hub.purchase_order where erp_number = ? for update", (rs, i) -> rs.getString(1), erpNumber)
                .stream().findFirst();
    }

    /** The buyer stops waiting: whatever is open is cancelled, and the order is closed short. */
    public void closeShort(String poId) {
        transactions.executeWithoutResult(tx -> {
            jdbc.update("update hub.purchase_order_line set cancelled = greatest(0, quantity - received) where po_id = ?", poId);
            status(poId, PurchaseOrderStatus.CLOSED_SHORT, null, null);
        });
    }

    /** The delivery is expected {@code days} later than planned. */
    public void postpone(String poId, int days) {
        jdbc.update("update hub.purchase_order set due_date = due_date + ?, updated_at = now() where po_id = ?", days, poId);
    }

    /**
     * Sets the status that follows from the lines (still open: accepted or partly received; nothing open: received, or
     * cancelled if nothing arrived) and answers it. A closed, dropped or refused order keeps its status.
     *
     * <p>The order's row stays locked until the caller's transaction ends (the process step's, which also puts the
     * instance back to waiting): a receipt booked meanwhile waits for it and then wakes a waiting instance, and a
     * receipt booked just before is seen here. Without the lock a receipt could land between this read and the step's
     * commit, wake nobody, and leave the order waiting for a report that already came.
     */
    public PurchaseOrderStatus settle(String poId) {
        return transactions.execute(tx -> {
            jdbc.query("select po_id from hub.purchase_order where po_id = ? for update", (rs, i) -> rs.getString(1), poId);
            PurchaseOrder order = get(poId);
            if (!order.status().open()) {
                return order.status();
            }
            PurchaseOrderStatus status = order.open() > 0
                    ? order.received() > 0 ? PurchaseOrderStatus.PARTLY_RECEIVED : PurchaseOrderStatus.ACCEPTED
                    : order.received() > 0 ? PurchaseOrderStatus.RECEIVED : PurchaseOrderStatus.CANCELLED;
            status(poId, status, null, order.erpReason());
            return status;
        });
    }

    /**
     * Units on order per article for a store: what open orders still expect, and what proposal lines of the last
     * seven days not yet ordered propose (they become orders, so the next run must not propose them again; a run
     * left undecided for a week no longer counts).
     */
    public Map<String, Integer> onOrder(String storeId) {
        Map<String, Integer> units = new HashMap<>();
        jdbc.query("""
                select sku, sum(units) from (
                    select l.sku, greatest(0, l.quantity - l.received - l.cancelled) as units
                      from hub.purchase_order_line l join hub.purchase_order o using (po_id)
                     where o.store_id = ? and o.status in ('PLACED', 'ACCEPTED', 'PARTLY_RECEIVED')
                    union all
                    select l.sku, coalesce(l.approved, l.proposed)
                      from hub.replenishment_line l join hub.replenishment_run r using (run_id)
                     where r.store_id = ? and l.po_id is null and coalesce(l.approval, '') <> 'REJECTED'
                       and r.created_at > now() - interval '7 days'
                ) open group by sku""", rs -> {
            units.put(rs.getString(1), rs.getInt(2));
        }, storeId, storeId);
        return units;
    }

    static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
