package org.retailhub.legacy.migration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.function.Function;
import org.retailhub.domain.migration.MigrationMask;
import org.retailhub.domain.migration.Reject;

/**
 * An archived till sale line to the canonical row: the hub's store and SKU for the POS's numbers (from the hub's key
 * cross-reference), the date parsed strictly, cents to an amount; the loyalty card masked like the loyalty accounts'
 * cards for a masked target, so sales still join their account. Refuses duplicates, orphans (an article or store the
 * hub does not know), impossible dates and lines whose quantity and amount contradict each other.
 */
final class SaleTransformation implements Function<LegacySale, RowOutcome> {

    private static final DateTimeFormatter TILL_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final MigrationMask mask;
    private final LocalDate today;
    private final Map<Integer, String> stores;
    private final Map<Integer, String> skus;

    /**
     * @param mask   null for a clear target (the hub)
     * @param stores the hub's store id per POS store number
     * @param skus   the hub's SKU per POS PLU
     */
    SaleTransformation(MigrationMask mask, LocalDate today, Map<Integer, String> stores, Map<Integer, String> skus) {
        this.mask = mask;
        this.today = today;
        this.stores = Map.copyOf(stores);
        this.skus = Map.copyOf(skus);
    }

    @Override
    public RowOutcome apply(LegacySale s) {
        LocalDate soldOn = parse(s.soldOn());
        Reject reject = check(s, soldOn);
        if (reject != null) {
            return new RowOutcome.Quarantined(s.saleId(), reject, "sale_id=" + s.saleId() + ";store_no=" + s.storeNo() + ";receipt_no="
                    + s.receiptNo() + ";line_no=" + s.lineNo() + ";sold_on=" + s.soldOn() + ";plu=" + s.plu() + ";qty=" + s.qty()
                    + ";amount_cents=" + s.amountCents() + ";card_no=" + card(s.cardNo()));
        }
        return new RowOutcome.Migrated(s.saleId(), new Object[] {stores.get(s.storeNo()), s.receiptNo(), s.lineNo(), soldOn,
            skus.get(s.plu()), s.qty(), BigDecimal.valueOf(s.amountCents(), 2), card(s.cardNo())});
    }

    private Reject check(LegacySale s, LocalDate soldOn) {
        if (s.duplicate()) {
            return new Reject(Reject.DUPLICATE, "an earlier line has the same store, receipt and line number");
        }
        if (!s.knownArticle() || !skus.containsKey(s.plu())) {
            return new Reject(Reject.ORPHAN, "PLU " + s.plu() + " is no article the hub knows");
        }
        if (!stores.containsKey(s.storeNo())) {
            return new Reject(Reject.ORPHAN, "store " + s.storeNo() + " is no store the hub knows");
        }
        if (soldOn == null || soldOn.isAfter(today)) {
            return new Reject(Reject.BAD_DATE, "sold on '" + s.soldOn() + "': not a past date as DD.MM.YYYY");
        }
        if (s.qty() == 0 || Integer.signum(s.qty()) != Integer.signum(s.amountCents())) {
            return new Reject(Reject.BUSINESS_RULE, "quantity " + s.qty() + " and amount " + s.amountCents() + " cents contradict each other");
        }
        return null;
    }

    private static LocalDate parse(String text) {
        try {
            return text == null ? null : LocalDate.parse(text.strip(), TILL_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String card(String card) {
        if (card == null || card.isBlank()) {
            return null;
        }
        return mask == null ? card.strip() : mask.card(card.strip());
    }
}
