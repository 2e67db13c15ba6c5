package org.retailhub.legacy.erp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.retailhub.domain.consistency.CanonicalRecord;
import org.retailhub.domain.consistency.CanonicalRecord.Article;
import org.retailhub.domain.consistency.CanonicalRecord.Price;
import org.retailhub.domain.consistency.CanonicalRecord.Stock;
import org.retailhub.domain.consistency.EntityKind;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.consistency.IslandChange;
import org.retailhub.domain.consistency.IslandReading;
import org.retailhub.domain.consistency.IslandSystem;
import org.retailhub.domain.consistency.KeyCrossReference;
import org.retailhub.domain.consistency.KeyCrossReference.Subject;
import org.retailhub.domain.consistency.StockSale;
import org.retailhub.domain.consistency.UndecodableChangeException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ERP's material management in the hub's language: material master (18-digit material numbers, material
 * groups), sales price conditions per price unit (KPEIN), and unrestricted stock per plant.
 */
public class ErpIsland implements IslandSystem {

    private static final List<String> GROUPS = List.of("ELEC01", "TEXT01", "FOOD01", "HOME01", "TOYS01");
    private static final List<String> CATEGORIES = List.of("ELECTRONICS", "APPAREL", "GROCERY", "HOME", "TOYS");

    /** Material numbers of trade goods start above this one. */
    static final long FIRST_MATERIAL = 100_000;

    private final JdbcTemplate erp;
    private final KeyCrossReference keys;

    public ErpIsland(JdbcTemplate erp, KeyCrossReference keys) {
        this.erp = erp;
        this.keys = keys;
    }

    @Override
    public Island island() {
        return Island.ERP;
    }

    @Override
    public Set<EntityKind> holds() {
        return Set.of(EntityKind.ARTICLE, EntityKind.PRICE, EntityKind.STOCK);
    }

    @Override
    public IslandReading read(IslandChange change) {
        if (change.isDelete() || "X".equals(change.text("lvorm"))) {
            return IslandReading.nothing();
        }
        boolean echo = Island.HUB_WRITER.equals(change.text("aenam"));
        return switch (change.table()) {
            case "mara" -> {
                String category = category(change.required("matkl")); // before a new material gets its SKU
                yield IslandReading.of(echo, new Article(keys.articleOf(Island.ERP, change.required("matnr"), ErpIsland::newSku),
                        change.required("maktx"), category));
            }
            case "a004" -> IslandReading.of(echo, new Price(sku(change), perPiece(change)));
            case "mard" -> IslandReading.of(echo, new Stock(keys.require(Subject.STORE, Island.ERP, change.required("werks")), sku(change),
                    change.decimal("labst").setScale(0, RoundingMode.DOWN).intValueExact()));
            default -> IslandReading.nothing();
        };
    }

    /**
     * The SKU of a material the hub has not seen: {@code SKU-} and the material number less {@value #FIRST_MATERIAL},
     * at least four digits (material 000000000000100051 is SKU-0051), the rule the retailer's numbering always followed.
     */
    public static String newSku(String matnr) {
        long number;
        try {
            number = Long.parseLong(matnr) - FIRST_MATERIAL;
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number <= 0) {
            throw new UndecodableChangeException("ERP material '" + matnr + "' is outside the numbering the hub derives SKUs from (above "
                    + FIRST_MATERIAL + ")");
        }
        return "SKU-" + String.format("%04d", number);
    }

    private String sku(IslandChange change) {
        return keys.require(Subject.ARTICLE, Island.ERP, change.required("matnr"));
    }

    /** The hub's category of an ERP material group; refused when the group has none. */
    public static String category(String group) {
        int i = GROUPS.indexOf(group);
        if (i < 0) {
            throw new UndecodableChangeException("ERP material group '" + group + "' has no hub category");
        }
        return CATEGORIES.get(i);
    }

    private static BigDecimal perPiece(IslandChange change) {
        if (!"EUR".equals(change.text("konwa"))) {
            throw new UndecodableChangeException("ERP price of " + change.text("matnr") + " in " + change.text("konwa") + ", the hub lists EUR");
        }
        Integer unit = change.integer("kpein");
        if (unit == null || unit <= 0) {
            throw new UndecodableChangeException("ERP price of " + change.text("matnr") + " has price unit " + unit);
        }
        return change.decimal("kbetr").divide(BigDecimal.valueOf(unit), 2, RoundingMode.HALF_UP);
    }

    @Override
    public Map<String, CanonicalRecord> all(EntityKind kind) {
        Map<String, CanonicalRecord> found = new LinkedHashMap<>();
        switch (kind) {
            case ARTICLE -> erp.query("select matnr, maktx, matkl from mara where lvorm is null", rs -> {
                String sku = keys.hubKey(Subject.ARTICLE, Island.ERP, rs.getString("matnr")).orElse("?" + rs.getString("matnr"));
                int group = GROUPS.indexOf(rs.getString("matkl"));
                found.put(sku, new Article(sku, rs.getString("maktx"), group < 0 ? null : CATEGORIES.get(group)));
            });
            case PRICE -> erp.query("select p.matnr, p.kbetr, p.kpein from a004 p join mara m using (matnr) where m.lvorm is null and p.vkorg = 'DE01'",
                    rs -> {
                        String sku = keys.hubKey(Subject.ARTICLE, Island.ERP, rs.getString("matnr")).orElse(null);
                        if (sku != null) {
                            found.put(sku, new Price(sku, rs.getBigDecimal("kbetr").divide(BigDecimal.valueOf(rs.getInt("kpein")), 2, RoundingMode.HALF_UP)));
                        }
                    });
            case STOCK -> erp.query("select matnr, werks, labst from mard", rs -> {
                String sku = keys.hubKey(Subject.ARTICLE, Island.ERP, rs.getString("matnr")).orElse(null);
                String store = keys.hubKey(Subject.STORE, Island.ERP, rs.getString("werks")).orElse(null);
                if (sku != null && store != null) {
                    Stock stock = new Stock(store, sku, rs.getBigDecimal("labst").intValue());
                    found.put(stock.key(), stock);
                }
            });
            default -> { }
        }
        return found;
    }

    @Override
    public boolean write(CanonicalRecord record) {
        if (record instanceof Article a) {
            String group = GROUPS.get(Math.max(0, CATEGORIES.indexOf(a.category())));
            return erp.update("update mara set maktx = ?, matkl = ?, aenam = ?, laeda = localtimestamp where matnr = ? and (maktx, matkl) is distinct from (?, ?)",
                    a.name(), group, Island.HUB_WRITER, matnr(a.sku()), a.name(), group) > 0;
        }
        if (record instanceof Price p) {
            // the ERP keeps its price unit; the amount is per KPEIN pieces
            return erp.update("update a004 set kbetr = ? * kpein, aenam = ?, laeda = localtimestamp where vkorg = 'DE01' and matnr = ? and kbetr <> ? * kpein",
                    p.listPrice(), Island.HUB_WRITER, matnr(p.sku()), p.listPrice()) > 0;
        }
        if (record instanceof Stock s) {
            return erp.update("update mard set labst = ?, aenam = ?, laeda = localtimestamp where matnr = ? and werks = ? and labst <> ?",
                    s.onHand(), Island.HUB_WRITER, matnr(s.sku()), plant(s.storeId()), s.onHand()) > 0;
        }
        return false;
    }

    /** A goods issue with the sale's receipt as material document reference: posted twice, stock moves once. */
    @Override
    public void issueSoldGoods(StockSale sale) {
        erp.update("with posted as (insert into goods_movement (ref, matnr, werks, menge, created_by) values (?, ?, ?, ?, ?) "
                        + "on conflict (ref) do nothing returning matnr, werks, menge) "
                        + "update mard set labst = labst - posted.menge, aenam = ?, laeda = localtimestamp from posted "
                        + "where mard.matnr = posted.matnr and mard.werks = posted.werks",
                sale.receipt(), matnr(sale.sku()), plant(sale.storeId()), sale.quantity(), Island.HUB_WRITER, Island.HUB_WRITER);
    }

    @Override
    public void retire(EntityKind kind, String key) {
        if (kind == EntityKind.ARTICLE) {
            String matnr = key.startsWith("?") ? key.substring(1) : matnr(key);
            erp.update("update mara set lvorm = 'X', aenam = ?, laeda = localtimestamp where matnr = ?", Island.HUB_WRITER, matnr);
        }
    }

    private String matnr(String sku) {
        return keys.nativeKey(Subject.ARTICLE, sku, Island.ERP)
                .orElseThrow(() -> new UndecodableChangeException("article " + sku + " has no ERP material number in the cross-reference"));
    }

    private String plant(String storeId) {
        return keys.nativeKey(Subject.STORE, storeId, Island.ERP)
                .orElseThrow(() -> new UndecodableChangeException("store " + storeId + " has no ERP plant in the cross-reference"));
    }
}
