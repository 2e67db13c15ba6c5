package org.retailhub.legacy.erp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.consistency.KeyCrossReference;
import org.retailhub.domain.consistency.KeyCrossReference.Subject;
import org.retailhub.domain.replenishment.PurchasingTerms;
import org.retailhub.domain.replenishment.SupplyTerms;
import org.retailhub.domain.shared.Money;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ERP's purchasing info records ({@code eine}: vendor, planned delivery days and their spread, rounding quantity,
 * minimum order, net price per price unit, the vendor's order days) read as the hub's {@link SupplyTerms}, keys mapped
 * through the cross-reference (material → SKU, plant → store). A record the hub cannot map is left out and logged.
 */
public class ErpPurchasingTerms implements PurchasingTerms {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ErpPurchasingTerms.class);
    private static final Map<String, DayOfWeek> DAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY, "WE", DayOfWeek.WEDNESDAY,
            "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY, "SU", DayOfWeek.SUNDAY);

    private final JdbcTemplate erp;
    private final KeyCrossReference keys;

    public ErpPurchasingTerms(JdbcTemplate erp, KeyCrossReference keys) {
        this.erp = erp;
        this.keys = keys;
    }

    @Override
    public Map<String, SupplyTerms> forStore(String storeId) {
        Map<String, SupplyTerms> terms = new HashMap<>();
        String plant = keys.nativeKey(Subject.STORE, storeId, Island.ERP).orElse(null);
        if (plant == null) {
            return terms;
        }
        erp.query("select e.matnr, e.lifnr, e.aplfz, e.zz_aplfz_sd, e.bstrg, e.minbm, e.netpr, e.peinh, e.zz_order_days "
                + "from eine e join mara m using (matnr) where e.werks = ? and m.lvorm is null", rs -> {
            String matnr = rs.getString("matnr");
            String sku = keys.hubKey(Subject.ARTICLE, Island.ERP, matnr).orElse(null);
            if (sku == null) {
                log.warn("ERP purchasing info record {}/{} names a material the hub does not know", matnr, plant);
                return;
            }
            try {
                BigDecimal perUnit = rs.getBigDecimal("netpr").divide(BigDecimal.valueOf(rs.getInt("peinh")), 2, RoundingMode.HALF_UP);
                terms.put(sku, new SupplyTerms(sku, rs.getString("lifnr"), rs.getInt("aplfz"), rs.getDouble("zz_aplfz_sd"),
                        rs.getBigDecimal("bstrg").intValueExact(), rs.getBigDecimal("minbm").setScale(0, RoundingMode.UP).intValueExact(),
                        orderDays(rs.getString("zz_order_days")), Money.of(perUnit.toPlainString(), "EUR")));
            } catch (IllegalArgumentException | ArithmeticException e) {
                log.warn("ERP purchasing info record {}/{} left out of replenishment: {}", matnr, plant, e.getMessage());
            }
        }, plant);
        return terms;
    }

    /** {@code MO,TH} → Monday and Thursday; an unknown day is refused with the text. */
    static Set<DayOfWeek> orderDays(String days) {
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        for (String day : days.split(",")) {
            DayOfWeek parsed = DAYS.get(day.strip().toUpperCase(java.util.Locale.ROOT));
            if (parsed == null) {
                throw new IllegalArgumentException("order days '" + days + "' name no weekday '" + day + "'");
            }
            set.add(parsed);
        }
        return set;
    }
}
