package org.retailhub.domain.replenishment;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.retailhub.domain.replenishment.forecast.DemandSeries;
import org.retailhub.domain.shared.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One store's replenishment run on one day: every article with supply terms is planned ({@link ReplenishmentPlanner})
 * from its sales history and inventory position; lines worth less than the approval threshold are approved at once,
 * the others wait for the buyer; approved lines become one purchase order per supplier.
 */
public class ReplenishmentRuns {

    /** How the run came out: its id, the articles planned, and the lines with something to order. */
    public record Run(String runId, String storeId, LocalDate day, int articles, int autoApproved, List<ProposedLine> forBuyer) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SalesHistory sales;
    private final PurchasingTerms terms;
    private final PurchaseOrderBook orders;
    private final ReplenishmentPlanner planner;
    private final Money approvalThreshold;
    private final int historyDays;

    /**
     * @param approvalThreshold lines worth less than this are approved without the buyer
     * @param historyDays       days of sales history each forecast starts from
     */
    public ReplenishmentRuns(JdbcTemplate jdbc, TransactionTemplate transactions, SalesHistory sales, PurchasingTerms terms,
                             PurchaseOrderBook orders, ReplenishmentPlanner planner, Money approvalThreshold, int historyDays) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sales = sales;
        this.terms = terms;
        this.orders = orders;
        this.planner = planner;
        this.approvalThreshold = approvalThreshold;
        this.historyDays = historyDays;
    }

    /** Plans every article of the store that has supply terms, and records the run and its lines. */
    public Run propose(String storeId, LocalDate today) {
        Map<String, SupplyTerms> supply = terms.forStore(storeId);
        Map<String, String[]> articles = new LinkedHashMap<>();
        jdbc.query("select sku, category, name from hub.article where active and sku = any(?) order by sku",
                rs -> {
                    articles.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                }, (Object) supply.keySet().toArray(String[]::new));
        Map<String, int[]> stock = new HashMap<>();
        jdbc.query("select sku, on_hand, reserved from hub.stock where store_id = ?",
                rs -> {
                    stock.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                }, storeId);
        Map<String, Integer> onOrder = orders.onOrder(storeId);
        Map<String, DemandSeries> history = sales.daily(storeId, today, historyDays);
        List<ProposedLine> lines = new ArrayList<>();
        for (Map.Entry<String, String[]> article : articles.entrySet()) {
            String sku = article.getKey();
            int[] shelf = stock.getOrDefault(sku, new int[2]);
            DemandSeries series = history.getOrDefault(sku, DemandSeries.of(today.minusDays(1), 0));
            ProposalLine line = planner.plan(new ArticleSituation(storeId, sku, article.getValue()[0], series, supply.get(sku),
                    new InventoryPosition(shelf[0], onOrder.getOrDefault(sku, 0), shelf[1]), Set.of()), today).line();
            if (line.ordersSomething()) {
                SupplyTerms t = supply.get(sku);
                lines.add(new ProposedLine(lines.size() + 1, sku, article.getValue()[1], t.supplier(), line.quantity(), t.packSize(),
                        t.minimumOrder(), t.unitCost(), line.explanation().rule(), line.explanation().text()));
            }
        }
        return transactions.execute(tx -> record(storeId, today, articles.size(), lines));
    }

    private Run record(String storeId, LocalDate today, int planned, List<ProposedLine> lines) {
        Integer earlier = jdbc.queryForObject("select count(*) from hub.replenishment_run where store_id = ? and day = ?", Integer.class,
                storeId, today);
        String runId = "RUN-" + storeId + "-" + today.format(DAY) + "-" + (earlier + 1);
        jdbc.update("insert into hub.replenishment_run (run_id, store_id, day, articles) values (?, ?, ?, ?)", runId, storeId, today, planned);
        List<ProposedLine> forBuyer = new ArrayList<>();
        for (ProposedLine line : lines) {
            boolean auto = line.value().compareTo(approvalThreshold) < 0;
            jdbc.update("insert into hub.replenishment_line (run_id, line_no, sku, supplier, proposed, approved, approval, unit_cost, currency, "
                            + "pack_size, minimum, rule, explanation) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    runId, line.lineNo(), line.sku(), line.supplier(), line.proposed(), auto ? line.proposed() : null, auto ? "AUTO" : null,
                    line.unitCost().amount(), line.unitCost().currency().getCurrencyCode(), line.packSize(), line.minimum(), line.rule().name(),
                    PurchaseOrderBook.abbreviate(line.explanation(), 2000));
            if (!auto) {
                forBuyer.add(line);
            }
        }
        return new Run(runId, storeId, today, planned, lines.size() - forBuyer.size(), forBuyer);
    }

    /** The lines of a run still waiting for the buyer. */
    public List<ProposedLine> awaitingBuyer(String runId) {
        return jdbc.query("select l.line_no, l.sku, coalesce(a.name, l.sku), l.supplier, l.proposed, l.pack_size, l.minimum, l.unit_cost, "
                        + "l.currency, l.rule, l.explanation from hub.replenishment_line l left join hub.article a using (sku) "
                        + "where l.run_id = ? and l.approval is null order by l.line_no",
                (rs, i) -> new ProposedLine(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6),
                        rs.getInt(7), new Money(rs.getBigDecimal(8), Currency.getInstance(rs.getString(9))),
                        ReorderRule.valueOf(rs.getString(10)), rs.getString(11)), runId);
    }

    /**
     * The buyer's decision on the lines waiting: the quantity per line number (a line not named keeps the proposed
     * quantity; 0 rejects it; others are rounded up to whole packs and the minimum order). Answers the lines decided.
     */
    public int decide(String runId, Map<Integer, Integer> quantities) {
        List<ProposedLine> waiting = awaitingBuyer(runId);
        Map<Integer, Integer> orderable = new HashMap<>();
        for (ProposedLine line : waiting) {
            orderable.put(line.lineNo(), line.orderable(quantities.getOrDefault(line.lineNo(), line.proposed())));
        }
        transactions.executeWithoutResult(tx -> waiting.forEach(line -> {
            int quantity = orderable.get(line.lineNo());
            String approval = quantity == 0 ? "REJECTED" : quantity == line.proposed() ? "BUYER" : "CHANGED";
            jdbc.update("update hub.replenishment_line set approved = ?, approval = ? where run_id = ? and line_no = ? and approval is null",
                    quantity, approval, runId, line.lineNo());
        }));
        return waiting.size();
    }

    /**
     * Turns the run's approved lines into one purchase order per supplier, due after the supplier's lead time; answers
     * the orders' ids. Done again, it makes no further orders.
     */
    public List<String> placeOrders(String runId, LocalDate today) {
        return transactions.execute(tx -> {
            String storeId = jdbc.queryForObject("select store_id from hub.replenishment_run where run_id = ?", String.class, runId);
            Map<String, SupplyTerms> supply = terms.forStore(storeId);
            Map<String, List<Object[]>> bySupplier = new LinkedHashMap<>();
            jdbc.query("select line_no, sku, supplier, approved, unit_cost, currency from hub.replenishment_line "
                    + "where run_id = ? and approved > 0 and po_id is null order by supplier, line_no", rs -> {
                bySupplier.computeIfAbsent(rs.getString(3), s -> new ArrayList<>()).add(new Object[] {rs.getInt(1), rs.getString(2),
                        rs.getInt(4), rs.getBigDecimal(5), rs.getString(6)});
            }, runId);
            List<String> placed = new ArrayList<>();
            for (Map.Entry<String, List<Object[]>> supplier : bySupplier.entrySet()) {
                String poId = "PO-" + runId.substring("RUN-".length()) + "-" + supplier.getKey().replaceFirst("^0+", "");
                double lead = supplier.getValue().stream().map(l -> supply.get((String) l[1])).filter(java.util.Objects::nonNull)
                        .mapToDouble(SupplyTerms::leadTimeDays).max().orElse(0);
                jdbc.update("insert into hub.purchase_order (po_id, run_id, store_id, supplier, status, due_date) values (?, ?, ?, ?, 'PLACED', ?)",
                        poId, runId, storeId, supplier.getKey(), today.plusDays((long) Math.ceil(lead)));
                int item = 10;
                for (Object[] line : supplier.getValue()) {
                    jdbc.update("insert into hub.purchase_order_line (po_id, line_no, sku, quantity, unit_cost, currency) values (?, ?, ?, ?, ?, ?)",
                            poId, item, line[1], line[2], line[3], line[4]);
                    jdbc.update("update hub.replenishment_line set po_id = ? where run_id = ? and line_no = ?", poId, runId, line[0]);
                    item += 10;
                }
                placed.add(poId);
            }
            return placed;
        });
    }

    /** The purchase orders a run placed. */
    public List<String> ordersOf(String runId) {
        return jdbc.queryForList("select po_id from hub.purchase_order where run_id = ? order by po_id", String.class, runId);
    }
}
