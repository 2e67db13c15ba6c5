package org.retailhub.legacy.pos;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.retailhub.domain.consistency.CanonicalRecord;
import org.retailhub.domain.consistency.CanonicalRecord.Article;
import org.retailhub.domain.consistency.CanonicalRecord.Customer;
import org.retailhub.domain.consistency.CanonicalRecord.Price;
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
 * The POS back office in the hub's language: PLU items (upper-case 24-character texts, departments, prices in
 * cents), loyalty cards ("LASTNAME, First") and till sales. Keys go through the cross-reference (PLU, store number).
 */
public class PosIsland implements IslandSystem {

    private static final List<String> DEPARTMENTS = List.of("ELECTRONICS", "APPAREL", "GROCERY", "HOME", "TOYS");

    private final JdbcTemplate pos;
    private final KeyCrossReference keys;

    public PosIsland(JdbcTemplate pos, KeyCrossReference keys) {
        this.pos = pos;
        this.keys = keys;
    }

    @Override
    public Island island() {
        return Island.POS;
    }

    @Override
    public Set<EntityKind> holds() {
        return Set.of(EntityKind.ARTICLE, EntityKind.PRICE, EntityKind.CUSTOMER);
    }

    @Override
    public IslandReading read(IslandChange change) {
        boolean echo = Island.HUB_WRITER.equals(change.text("upd_user"));
        return switch (change.table()) {
            case "plu_item" -> change.isDelete() || "D".equals(change.text("status")) ? IslandReading.nothing() : IslandReading.of(echo,
                    article(change, keys.require(Subject.ARTICLE, Island.POS, change.required("plu"))), price(change));
            case "loyalty_member" -> change.isDelete() || "D".equals(change.text("status")) ? IslandReading.nothing()
                    : IslandReading.of(echo, customer(change.required("card_no"), change.text("crm_cust_no"), change.required("member_name"),
                            change.text("email"), change.integer("points_bal")));
            // sales before capture started are history the ERP's stock already reflects
            case "till_sale" -> change.isSnapshot() || change.isDelete() ? IslandReading.nothing() : IslandReading.sale(sale(change));
            default -> IslandReading.nothing();
        };
    }

    private Article article(IslandChange change, String sku) {
        Integer dept = change.integer("dept_no");
        if (dept == null || dept < 1 || dept > DEPARTMENTS.size()) {
            throw new UndecodableChangeException("POS PLU " + change.text("plu") + ": unknown department " + dept);
        }
        return new Article(sku, change.required("short_text"), DEPARTMENTS.get(dept - 1));
    }

    private Price price(IslandChange change) {
        return new Price(keys.require(Subject.ARTICLE, Island.POS, change.required("plu")), cents(change.integer("price_cents")));
    }

    private StockSale sale(IslandChange change) {
        return sale(change.integer("store_no"), change.integer("till_no"), change.integer("receipt_no"), change.integer("line_no"),
                change.integer("plu"), change.integer("qty"));
    }

    /** A till sale line in the hub's language; the same line from CDC or the end-of-day log has the same receipt key. */
    public StockSale sale(int storeNo, int tillNo, int receiptNo, int lineNo, int plu, int quantity) {
        String store = keys.require(Subject.STORE, Island.POS, String.valueOf(storeNo));
        String sku = keys.require(Subject.ARTICLE, Island.POS, String.valueOf(plu));
        return new StockSale("POS-" + storeNo + "-" + tillNo + "-" + receiptNo + "-" + lineNo, store, sku, quantity);
    }

    /** A line of the end-of-day transaction log. */
    public StockSale sale(EndOfDayLine line) {
        return sale(line.store(), line.till(), line.receipt(), line.line(), line.plu(), line.quantity());
    }

    private Customer customer(String card, String crmNumber, String memberName, String email, Integer points) {
        String id = keys.hubKey(Subject.CUSTOMER, Island.POS, card)
                .or(() -> crmNumber == null ? java.util.Optional.empty() : keys.hubKey(Subject.CUSTOMER, Island.CRM, crmNumber))
                .orElseThrow(() -> new UndecodableChangeException("POS loyalty card " + card + " names no customer the CRM knows ("
                        + crmNumber + ")"));
        keys.link(Subject.CUSTOMER, id, Island.POS, card);
        return new Customer(id, canonicalName(memberName), email == null ? null : email.toLowerCase(), points == null ? 0 : points);
    }

    /** "SCHMIDT, Anna" → "Anna SCHMIDT": the till keeps the surname first. */
    static String canonicalName(String memberName) {
        int comma = memberName.indexOf(',');
        return comma < 0 ? memberName.strip() : (memberName.substring(comma + 1).strip() + " " + memberName.substring(0, comma).strip()).strip();
    }

    static String memberName(String canonical) {
        int space = canonical.lastIndexOf(' ');
        return space < 0 ? canonical : canonical.substring(space + 1) + ", " + canonical.substring(0, space);
    }

    @Override
    public CanonicalRecord asStored(CanonicalRecord record) {
        if (record instanceof Article a) {
            return new Article(a.sku(), tillText(a.name()), a.category());
        }
        return record;
    }

    private static String tillText(String name) {
        String upper = name.toUpperCase();
        return upper.length() <= 24 ? upper : upper.substring(0, 24);
    }

    @Override
    public Map<String, CanonicalRecord> all(EntityKind kind) {
        Map<String, CanonicalRecord> found = new LinkedHashMap<>();
        switch (kind) {
            case ARTICLE, PRICE -> pos.query("select plu, short_text, dept_no, price_cents from plu_item where status = 'A'", rs -> {
                String plu = rs.getString("plu");
                String sku = keys.hubKey(Subject.ARTICLE, Island.POS, plu).orElse(null);
                if (sku == null) {
                    if (kind == EntityKind.ARTICLE) {
                        found.put("?" + plu, new Article("?" + plu, rs.getString("short_text"), null));
                    }
                } else if (kind == EntityKind.ARTICLE) {
                    int dept = rs.getInt("dept_no");
                    found.put(sku, new Article(sku, rs.getString("short_text"), dept >= 1 && dept <= 5 ? DEPARTMENTS.get(dept - 1) : null));
                } else {
                    found.put(sku, new Price(sku, cents(rs.getInt("price_cents"))));
                }
            });
            case CUSTOMER -> pos.query("select card_no, crm_cust_no, member_name, email, points_bal from loyalty_member where status = 'A'", rs -> {
                String card = rs.getString("card_no");
                String crm = rs.getString("crm_cust_no");
                String id = keys.hubKey(Subject.CUSTOMER, Island.POS, card)
                        .or(() -> crm == null ? java.util.Optional.empty() : keys.hubKey(Subject.CUSTOMER, Island.CRM, crm))
                        .orElse("?" + card);
                String email = rs.getString("email");
                found.put(id, new Customer(id, canonicalName(rs.getString("member_name")), email == null ? null : email.toLowerCase(),
                        rs.getInt("points_bal")));
            });
            default -> { }
        }
        return found;
    }

    @Override
    public boolean write(CanonicalRecord record) {
        if (record instanceof Article a) {
                String plu = keys.nativeKey(Subject.ARTICLE, a.sku(), Island.POS).orElseGet(() -> newPlu(a.sku()));
                int dept = DEPARTMENTS.indexOf(a.category()) + 1;
                int changed = pos.update("update plu_item set short_text = ?, dept_no = ?, status = 'A', upd_user = ?, upd_ts = localtimestamp "
                        + "where plu = ?::integer and (short_text, dept_no, status) is distinct from (?, ?::smallint, 'A')",
                        tillText(a.name()), dept, Island.HUB_WRITER, plu, tillText(a.name()), dept);
                if (changed == 0 && count("select count(*) from plu_item where plu = ?::integer", plu) == 0) {
                    changed = pos.update("insert into plu_item (plu, short_text, dept_no, price_cents, upd_user) values (?::integer, ?, ?, 0, ?)",
                            plu, tillText(a.name()), dept, Island.HUB_WRITER);
                }
                return changed > 0;
        }
        if (record instanceof Price p) {
            return pos.update("update plu_item set price_cents = ?, upd_user = ?, upd_ts = localtimestamp "
                    + "where plu = ?::integer and price_cents <> ?", toCents(p.listPrice()), Island.HUB_WRITER, plu(p.sku()), toCents(p.listPrice())) > 0;
        }
        return record instanceof Customer c && writeMember(c);
    }

    private boolean writeMember(Customer c) {
        String crm = keys.nativeKey(Subject.CUSTOMER, c.customerId(), Island.CRM).orElse(null);
        String card = keys.nativeKey(Subject.CUSTOMER, c.customerId(), Island.POS).orElseGet(() -> crm == null ? null
                : pos.query("select card_no from loyalty_member where crm_cust_no = ? order by card_no limit 1",
                        rs -> rs.next() ? rs.getString(1) : null, crm));
        if (card == null) {
            card = "99" + String.format("%014d", Long.parseLong(c.customerId().replaceAll("\\D", "")));
            keys.link(Subject.CUSTOMER, c.customerId(), Island.POS, card);
            return pos.update("insert into loyalty_member (card_no, crm_cust_no, member_name, email, points_bal, upd_user) values (?, ?, ?, ?, ?, ?)",
                    card, crm, memberName(c.name()), c.email(), c.loyaltyPoints(), Island.HUB_WRITER) > 0;
        }
        keys.link(Subject.CUSTOMER, c.customerId(), Island.POS, card);
        return pos.update("update loyalty_member set member_name = ?, email = ?, points_bal = ?, status = 'A', upd_user = ?, upd_ts = localtimestamp "
                        + "where card_no = ? and (member_name, email, points_bal, status) is distinct from (?, ?, ?, 'A')",
                memberName(c.name()), c.email(), c.loyaltyPoints(), Island.HUB_WRITER, card, memberName(c.name()), c.email(), c.loyaltyPoints()) > 0;
    }

    @Override
    public void retire(EntityKind kind, String key) {
        String nativeKey = key.startsWith("?") ? key.substring(1)
                : keys.nativeKey(kind == EntityKind.CUSTOMER ? Subject.CUSTOMER : Subject.ARTICLE, key, Island.POS).orElse(null);
        if (nativeKey == null) {
            return;
        }
        if (kind == EntityKind.CUSTOMER) {
            pos.update("update loyalty_member set status = 'D', upd_user = ?, upd_ts = localtimestamp where card_no = ?", Island.HUB_WRITER, nativeKey);
            keys.unlink(Subject.CUSTOMER, key, Island.POS);
        } else {
            pos.update("update plu_item set status = 'D', upd_user = ?, upd_ts = localtimestamp where plu = ?::integer", Island.HUB_WRITER, nativeKey);
        }
    }

    /** Erased on request: the customer's loyalty cards lose name and e-mail and are retired; the hub forgets the card. */
    @Override
    public void erase(String customerId) {
        String card = keys.nativeKey(Subject.CUSTOMER, customerId, Island.POS).orElse("");
        String crm = keys.nativeKey(Subject.CUSTOMER, customerId, Island.CRM).orElse("");
        pos.update("update loyalty_member set member_name = 'ERASED', email = null, points_bal = 0, status = 'D', upd_user = ?, upd_ts = localtimestamp "
                + "where card_no = ? or crm_cust_no = ?", Island.HUB_WRITER, card, crm);
        keys.unlink(Subject.CUSTOMER, customerId, Island.POS);
    }

    /** A new article gets PLU 4000 + its SKU number (SKU-0051 is PLU 4051), as the tills were always keyed. */
    private String newPlu(String sku) {
        String number = sku.startsWith("SKU-") ? sku.substring(4) : "";
        if (!number.matches("\\d{1,5}")) {
            throw new UndecodableChangeException("article " + sku + " has no POS PLU and no SKU number to derive one from");
        }
        String plu = String.valueOf(4000 + Integer.parseInt(number));
        keys.link(Subject.ARTICLE, sku, Island.POS, plu);
        return keys.nativeKey(Subject.ARTICLE, sku, Island.POS).orElseThrow(() -> new UndecodableChangeException(
                "article " + sku + " would be POS PLU " + plu + ", which names another article already"));
    }

    private String plu(String sku) {
        return keys.nativeKey(Subject.ARTICLE, sku, Island.POS)
                .orElseThrow(() -> new UndecodableChangeException("article " + sku + " has no POS PLU in the cross-reference"));
    }

    private int count(String sql, Object... args) {
        Integer n = pos.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    private static BigDecimal cents(Integer cents) {
        return BigDecimal.valueOf(cents == null ? 0 : cents, 2);
    }

    private static int toCents(BigDecimal price) {
        return price.movePointRight(2).intValueExact();
    }
}
