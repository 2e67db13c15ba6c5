package org.retailhub.legacy.erp;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import org.retailhub.domain.consistency.IslandChange;
import org.retailhub.domain.replenishment.GoodsReceipt;
import org.retailhub.domain.replenishment.InvalidGoodsReceiptException;

/**
 * What the ERP's purchasing tables say when they change: a goods receipt for a purchase order item ({@code ekbe},
 * movement type 101), or an item deleted (cancelled) on the ERP's side ({@code ekpo.loekz = 'L'}). Everything else in
 * those tables (the hub's own orders arriving, items delivered in full) is no news for the hub.
 */
public final class ErpPurchasingChange {

    /** The tables whose changes concern purchase orders. */
    public static final Set<String> TABLES = Set.of("ekbe", "ekpo");
    private static final String GOODS_RECEIPT = "101";

    private ErpPurchasingChange() {
    }

    /** An item the ERP cancelled: its order number and item. */
    public record Cancellation(String erpNumber, int item) {
    }

    public static boolean concerns(IslandChange change) {
        return change.island() == org.retailhub.domain.consistency.Island.ERP && TABLES.contains(change.table());
    }

    /**
     * The goods receipt a new {@code ekbe} row states; empty for other movements. A receipt the hub cannot book
     * (no order or item, a quantity that is not a positive whole number) is refused with the reason.
     */
    public static Optional<GoodsReceipt> receipt(IslandChange change) {
        if (!"ekbe".equals(change.table()) || change.isDelete() || !GOODS_RECEIPT.equals(change.text("bwart"))) {
            return Optional.empty();
        }
        String document = change.text("belnr") + "/" + change.text("buzei");
        String order = change.text("ebeln");
        Integer item = whole(change, "ebelp", document);
        BigDecimal quantity = change.decimal("menge");
        if (order == null || item == null) {
            throw new InvalidGoodsReceiptException("ERP goods receipt " + document + " names no purchase order item");
        }
        if (quantity == null || quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 0) {
            throw new InvalidGoodsReceiptException("ERP goods receipt " + document + " for " + order + "/" + item
                    + " has quantity " + quantity + ", not a positive whole number of pieces");
        }
        return Optional.of(new GoodsReceipt(change.required("belnr"), whole(change, "buzei", document), order, item, quantity.intValueExact()));
    }

    /** The item an {@code ekpo} change deleted (cancelled); empty for any other item change. */
    public static Optional<Cancellation> cancellation(IslandChange change) {
        if (!"ekpo".equals(change.table()) || change.isDelete() || !"L".equals(change.text("loekz"))) {
            return Optional.empty();
        }
        return Optional.of(new Cancellation(change.required("ebeln"), whole(change, "ebelp", change.text("ebeln"))));
    }

    private static Integer whole(IslandChange change, String column, String document) {
        BigDecimal value = change.decimal(column);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidGoodsReceiptException("ERP purchasing change " + document + ": " + column + " '" + value + "' is not a whole number");
        }
    }
}
