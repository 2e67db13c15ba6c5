package org.retailhub.processes.models;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.shared.LoyaltyTier;

/**
 * The hub's checks of a DMN decision table, the same in CI and at {@code POST /api/models}: every output is typed and
 * every output cell holds a value of that type; percentages and amounts are never negative and a percentage never
 * above 50; no rule is unreachable (it tests an input for a value the hub never passes, or, in a FIRST table, an
 * earlier rule already answers every line it would). Each problem names the decision and the rule.
 */
public final class DmnRules {

    /** The largest discount a single cell may give; the hub also caps the sum per line at this (LinePricing). */
    public static final int MAX_PERCENT = org.retailhub.domain.pricing.LinePricing.MAX_DISCOUNT_PERCENT;

    /** The values the hub passes for its fixed-vocabulary inputs; a test for any other value never matches. */
    static final Map<String, Set<String>> KNOWN_VALUES = Map.of(
            "loyaltyTier", names(LoyaltyTier.values()),
            "channel", names(Channel.values()));
    /** The smallest value the hub passes for its counted inputs. */
    static final Map<String, Long> SMALLEST = Map.of("quantity", 1L);

    private static final Pattern STRINGS = Pattern.compile("\\s*\"[^\"]*\"(\\s*,\\s*\"[^\"]*\")*\\s*");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern BELOW = Pattern.compile("\\s*(<=|<|=)?\\s*(-?\\d+)\\s*");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private DmnRules() {
    }

    /** Every problem of every decision table in the model, one line each; empty when there is none. */
    public static List<String> problems(DmnModelInstance dmn) {
        List<String> problems = new ArrayList<>();
        for (Decision decision : dmn.getModelElementsByType(Decision.class)) {
            DecisionTable table = decision.getChildElementsByType(DecisionTable.class).stream().findFirst().orElse(null);
            if (table != null) {
                check(decision.getId(), table, problems);
            }
        }
        return problems;
    }

    private static void check(String decision, DecisionTable table, List<String> problems) {
        List<Output> outputs = List.copyOf(table.getOutputs());
        for (Output output : outputs) {
            if (output.getTypeRef() == null || output.getTypeRef().isBlank()) {
                problems.add(decision + ": output " + label(output) + " has no type (typeRef)");
            }
        }
        List<Input> inputs = List.copyOf(table.getInputs());
        List<Rule> rules = List.copyOf(table.getRules());
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            String where = decision + " rule " + (r + 1) + " (" + rule.getId() + ")";
            List<OutputEntry> cells = List.copyOf(rule.getOutputEntries());
            for (int o = 0; o < Math.min(cells.size(), outputs.size()); o++) {
                outputCell(where, outputs.get(o), text(cells.get(o).getTextContent()), problems);
            }
            List<InputEntry> tests = List.copyOf(rule.getInputEntries());
            for (int i = 0; i < Math.min(tests.size(), inputs.size()); i++) {
                String variable = variable(inputs.get(i));
                if (neverMatches(variable, text(tests.get(i).getTextContent()))) {
                    problems.add(where + " is unreachable: the hub never passes " + variable + " " + text(tests.get(i).getTextContent()));
                }
            }
            if (table.getHitPolicy() == HitPolicy.FIRST) {
                for (int earlier = 0; earlier < r; earlier++) {
                    if (covers(rules.get(earlier), rule)) {
                        problems.add(where + " is unreachable: rule " + (earlier + 1) + " comes first and matches every line it would");
                        break;
                    }
                }
            }
        }
    }

    private static void outputCell(String where, Output output, String cell, List<String> problems) {
        String name = label(output);
        if (cell.isEmpty()) {
            problems.add(where + ": output " + name + " is empty");
            return;
        }
        if (cell.equals("null")) {
            return; // written out on purpose: "none" (no cap, no free item), unlike a cell left empty
        }
        String type = output.getTypeRef() == null ? "" : output.getTypeRef();
        switch (type) {
            case "string" -> {
                if (!cell.matches("\"[^\"]*\"")) {
                    problems.add(where + ": output " + name + " must be a quoted text, not " + cell);
                }
            }
            case "integer", "long" -> number(where, name, cell, INTEGER, problems);
            case "double", "number" -> number(where, name, cell, DECIMAL, problems);
            case "boolean" -> {
                if (!cell.equals("true") && !cell.equals("false")) {
                    problems.add(where + ": output " + name + " must be true or false, not " + cell);
                }
            }
            default -> { } // dates and others: the scenarios check them
        }
    }

    private static void number(String where, String name, String cell, Pattern shape, List<String> problems) {
        if (!shape.matcher(cell).matches()) {
            problems.add(where + ": output " + name + " must be a " + (shape == INTEGER ? "whole number" : "number") + ", not " + cell);
            return;
        }
        BigDecimal value = new BigDecimal(cell);
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean discount = lower.contains("percent") || lower.contains("discount") || lower.contains("amount");
        if (discount && value.signum() < 0) {
            problems.add(where + ": output " + name + " is negative (" + cell + "): a discount takes money off, never adds it");
        }
        if (lower.contains("percent") && value.compareTo(BigDecimal.valueOf(MAX_PERCENT)) > 0) {
            problems.add(where + ": output " + name + " is " + cell + " %, above the hub's limit of " + MAX_PERCENT + " %");
        }
    }

    /** True if the test can never be true for a value the hub passes for this input. */
    static boolean neverMatches(String variable, String test) {
        if (test.isEmpty() || test.equals("-")) {
            return false;
        }
        Set<String> known = KNOWN_VALUES.get(variable);
        if (known != null && STRINGS.matcher(test).matches()) {
            Matcher values = QUOTED.matcher(test);
            while (values.find()) {
                if (known.contains(values.group(1))) {
                    return false;
                }
            }
            return true;
        }
        Long smallest = SMALLEST.get(variable);
        Matcher below = BELOW.matcher(test);
        if (smallest != null && below.matches()) {
            long bound = Long.parseLong(below.group(2));
            String op = below.group(1) == null ? "=" : below.group(1);
            return switch (op) {
                case "<" -> bound <= smallest;
                default -> bound < smallest;
            };
        }
        return false;
    }

    /** True if {@code first} matches every input {@code later} matches: each of its tests is blank or the same text. */
    private static boolean covers(Rule first, Rule later) {
        List<InputEntry> a = List.copyOf(first.getInputEntries());
        List<InputEntry> b = List.copyOf(later.getInputEntries());
        for (int i = 0; i < a.size(); i++) {
            String test = text(a.get(i).getTextContent());
            if (!test.isEmpty() && !test.equals("-") && !test.equals(text(b.get(i).getTextContent()))) {
                return false;
            }
        }
        return true;
    }

    /** The variable the input reads (its expression, e.g. {@code loyaltyTier}); blank for a computed input. */
    private static String variable(Input input) {
        return input.getInputExpression() == null ? "" : text(input.getInputExpression().getTextContent());
    }

    private static String label(Output output) {
        return output.getName() != null ? output.getName() : output.getId();
    }

    private static String text(String content) {
        return content == null ? "" : content.strip();
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }
}
