package org.retailhub.processes.models;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.retailhub.domain.pricing.LinePricing;
import org.retailhub.domain.pricing.PricedLine;
import org.retailhub.domain.pricing.PromotionHit;
import org.retailhub.domain.shared.Money;
import org.retailhub.processes.pricing.DmnPromotionTable;
import org.retailhub.processes.pricing.ParsedOnceFeelEngine;

/**
 * Scenario tests of a decision written as data (YAML or JSON, docs/models.md), so an analyst states what a table must
 * answer without writing Java: for each scenario the inputs ({@code given}, any variable the table reads: category,
 * quantity, coupon code, store, date…), the rows the table must answer ({@code expect.results}, in any order) and,
 * for a promotion table, the line price the hub computes from them ({@code expect.line}). CI runs the scenarios beside
 * every model in the repo; {@code POST /api/models} runs them against a candidate before anything is deployed.
 *
 * @param decision the id of the decision the scenarios test, e.g. {@code order-pricing}
 * @param source   where the scenarios came from (a file name), for the failure messages
 */
public record DecisionScenarios(String decision, String source, List<Scenario> scenarios) {

    /** One scenario: given these inputs, the table answers these rows (and the line costs this). */
    public record Scenario(String name, Map<String, Object> given, List<Map<String, Object>> results, LinePrice line) {
    }

    /** The line priced as the hub prices it (discounts capped at 50 %); {@code quantity} comes from {@code given}. */
    public record LinePrice(String unitPrice, String currency, String total) {
    }

    private static final DmnEngine DMN = engine();

    /** Reads a scenario file; a file that is not one fails with {@link IllegalArgumentException} saying what is wrong. */
    public static DecisionScenarios read(String source, InputStream content) {
        return read(source, ScenarioFiles.yaml(source, content));
    }

    /** Reads a parsed scenario file whose root names a {@code decision}. */
    @SuppressWarnings("unchecked")
    static DecisionScenarios read(String source, Map<?, ?> file) {
        if (!(file.get("decision") instanceof String decision) || !(file.get("scenarios") instanceof List<?> items) || items.isEmpty()) {
            throw new IllegalArgumentException(source + " needs 'decision: <decision id>' and a non-empty list 'scenarios'");
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> s) || !(s.get("name") instanceof String name) || !(s.get("given") instanceof Map<?, ?> given)
                    || !(s.get("expect") instanceof Map<?, ?> expect) || !(expect.get("results") instanceof List<?> results)) {
                throw new IllegalArgumentException(source + ": scenario " + (scenarios.size() + 1)
                        + " needs 'name', 'given' (the inputs) and 'expect' with 'results' (a list, [] for none)");
            }
            LinePrice line = null;
            if (expect.get("line") instanceof Map<?, ?> l) {
                line = new LinePrice(String.valueOf(l.get("unitPrice")), l.get("currency") == null ? "EUR" : String.valueOf(l.get("currency")),
                        String.valueOf(l.get("total")));
            }
            scenarios.add(new Scenario(name, new LinkedHashMap<>((Map<String, Object>) given), (List<Map<String, Object>>) results, line));
        }
        return new DecisionScenarios(decision, source, List.copyOf(scenarios));
    }

    /** Runs every scenario against the decision in {@code dmn} (the candidate); one line per failure, empty when all pass. */
    public List<String> failuresAgainst(String modelName, byte[] dmn) {
        DmnDecision table;
        try {
            table = DMN.parseDecision(decision, new java.io.ByteArrayInputStream(dmn));
        } catch (RuntimeException unparsable) {
            return List.of(source + ": " + modelName + " has no decision '" + decision + "' the engine can run: " + firstLine(unparsable.getMessage()));
        }
        List<String> failures = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            String where = source + " scenario '" + scenario.name() + "'";
            try {
                List<Map<String, Object>> answered = DMN.evaluateDecisionTable(table, Variables.fromMap(scenario.given())).getResultList();
                if (!answersAsExpected(answered, scenario.results())) {
                    failures.add(where + ": expected " + canonical(scenario.results()) + " but the table answers " + canonical(answered));
                } else if (scenario.line() != null) {
                    linePrice(where, scenario, answered, failures);
                }
            } catch (RuntimeException failed) {
                failures.add(where + ": the table fails on these inputs: " + firstLine(failed.getMessage()));
            }
        }
        return failures;
    }

    private static void linePrice(String where, Scenario scenario, List<Map<String, Object>> answered, List<String> failures) {
        List<PromotionHit> hits = answered.stream().map(DmnPromotionTable::hit).toList();
        int quantity = ((Number) scenario.given().get("quantity")).intValue();
        PricedLine priced = LinePricing.price(1, Money.of(scenario.line().unitPrice(), scenario.line().currency()), quantity, hits);
        if (priced.total().amount().compareTo(new BigDecimal(scenario.line().total())) != 0) {
            failures.add(where + ": expected the line to cost " + scenario.line().total() + " but it costs " + priced.total().amount());
        }
    }

    /**
     * Each expected row matches one answered row on the columns it names, and no answered row is left over: a scenario
     * states what it is about (a code and a percentage, say), so a column added to the table later (a cap, a free item)
     * does not break every scenario. Numbers compare by value (10 equals 10.0).
     */
    private static boolean answersAsExpected(List<Map<String, Object>> answered, List<Map<String, Object>> expected) {
        if (answered.size() != expected.size()) {
            return false;
        }
        List<Map<String, Object>> left = new ArrayList<>(answered);
        for (Map<String, Object> row : expected) {
            Map<String, Object> match = left.stream()
                    .filter(candidate -> row.entrySet().stream().allMatch(e -> sameValue(e.getValue(), candidate.get(e.getKey()))))
                    .findFirst().orElse(null);
            if (match == null) {
                return false;
            }
            left.remove(match);
        }
        return true;
    }

    static boolean sameValue(Object expected, Object answered) {
        if (expected instanceof Number && answered instanceof Number) {
            return new BigDecimal(expected.toString()).compareTo(new BigDecimal(answered.toString())) == 0;
        }
        return String.valueOf(expected).equals(String.valueOf(answered));
    }

    /** Rows as sorted "name=value" lists, so the order of rows and of columns does not matter and 10 equals 10L. */
    private static List<String> canonical(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> new java.util.TreeMap<>(row).toString()).sorted().toList();
    }

    static String firstLine(String message) {
        return message == null ? "no detail" : message.lines().findFirst().orElse("");
    }

    private static DmnEngine engine() {
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setFeelEngineFactory(() -> new ParsedOnceFeelEngine(List.of())); // as the process engine evaluates
        return configuration.buildEngine();
    }
}
