package org.retailhub.processes.replenishment;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.retailhub.domain.replenishment.ErpPurchasing;
import org.retailhub.domain.replenishment.PurchaseOrder;
import org.retailhub.domain.replenishment.PurchaseOrderBook;
import org.retailhub.domain.replenishment.PurchaseOrderStatus;
import org.springframework.stereotype.Component;

/**
 * The steps of the purchase order model, called by name ({@code ${purchaseOrder.send(execution)}}): one order at the
 * ERP, from sending it to its last goods receipt. The order is the process instance's business key and its
 * {@code poId}; what the ERP reported is booked in {@link PurchaseOrderBook} before the instance is woken, and
 * {@link #book} settles under the order's lock until the instance waits again, so a wake-up that finds nobody waiting
 * loses nothing: the step that is running has seen the report, or the report waited for it.
 */
@Component("purchaseOrder")
public class PurchaseOrderSteps {

    public static final String PO = "poId";
    public static final String ACCEPTED = "erpAccepted";
    public static final String ERP_NUMBER = "erpNumber";
    public static final String REASON = "erpReason";
    public static final String STILL_OPEN = "stillOpen";
    public static final String OPEN_UNITS = "openUnits";
    public static final String KEEP_WAITING = "keepWaiting";
    public static final String EXTRA_DAYS = "extraDays";
    public static final String STATUS = "orderStatus";

    private final PurchaseOrderBook book;
    private final ErpPurchasing erp;
    private final ReplenishmentProperties properties;

    public PurchaseOrderSteps(PurchaseOrderBook book, ErpPurchasing erp, ReplenishmentProperties properties) {
        this.book = book;
        this.erp = erp;
        this.properties = properties;
    }

    /**
     * Hands the order to the ERP in its format (again, after a refusal the buyer put right); an ERP that cannot be
     * reached fails the step and the engine retries it.
     */
    public void send(DelegateExecution execution) {
        String poId = poId(execution);
        if (book.get(poId).status() == PurchaseOrderStatus.REFUSED) {
            book.placedAgain(poId);
        }
        PurchaseOrder order = book.get(poId);
        ErpPurchasing.ErpAnswer answer = erp.place(order);
        execution.setVariable(OPEN_UNITS, (long) order.open());
        if (answer.accepted()) {
            book.accepted(poId, answer.erpNumber());
        } else {
            book.refused(poId, answer.reason());
        }
        execution.setVariable(ACCEPTED, answer.accepted());
        execution.setVariable(ERP_NUMBER, answer.erpNumber());
        execution.setVariable(REASON, answer.reason());
    }

    public void drop(DelegateExecution execution) {
        book.dropped(poId(execution));
        execution.setVariable(STATUS, PurchaseOrderStatus.DROPPED.name());
    }

    /** When the delivery counts as late: the due date's start, in the retailer's zone, plus {@code hub.replenishment.late-after}. */
    public Date lateFrom(DelegateExecution execution) {
        PurchaseOrder order = book.get(poId(execution));
        return Date.from(order.dueDate().atStartOfDay(properties.zone()).plus(properties.lateAfter()).toInstant());
    }

    /** Settles the order's status from what the ERP reported (receipts, cancellations) and says whether anything is still to come. */
    public void book(DelegateExecution execution) {
        String poId = poId(execution);
        PurchaseOrderStatus status = book.settle(poId);
        execution.setVariable(STATUS, status.name());
        execution.setVariable(STILL_OPEN, status.open());
        execution.setVariable(OPEN_UNITS, (long) book.get(poId).open());
    }

    /** The buyer expects the delivery later: the due date moves by the days the buyer gave (at least one). */
    public void postpone(DelegateExecution execution) {
        Object days = execution.getVariable(EXTRA_DAYS);
        book.postpone(poId(execution), Math.max(1, days instanceof Number n ? n.intValue() : 1));
    }

    /** The buyer stops waiting: the ERP is asked to cancel the rest, and the order is closed short. */
    public void cancelRest(DelegateExecution execution) {
        String poId = poId(execution);
        ErpPurchasing.ErpAnswer answer = erp.cancelOpen(book.get(poId));
        book.closeShort(poId);
        execution.setVariable(REASON, answer.reason());
        execution.setVariable(STATUS, PurchaseOrderStatus.CLOSED_SHORT.name());
    }

    private static String poId(DelegateExecution execution) {
        return (String) execution.getVariable(PO);
    }
}
