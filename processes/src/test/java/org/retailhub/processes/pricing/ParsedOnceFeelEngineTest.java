package org.retailhub.processes.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

class ParsedOnceFeelEngineTest {

    private final ScalaFeelEngine stock = new ScalaFeelEngine(List.of());
    private final ParsedOnceFeelEngine parsedOnce = new ParsedOnceFeelEngine(List.of());

    @Test
    void unaryTestsAnswerExactlyAsCamundasEngineDoes() {
        List<String> tests = List.of(">= 3", "< 3", "> 3", "<= 3", "3", " >=  -2 ", ">= 2.5", "[1..5]", "\"APPAREL\"", "\"APPAREL\",\"SHOES\"",
                "not(\"GOLD\")", "-", "\"\"");
        for (int quantity : new int[] {-3, 1, 2, 3, 7}) {
            for (String category : new String[] {"APPAREL", "FOOD"}) {
                VariableContext line = Variables.createVariables().putValue("quantity", quantity).putValue("category", category)
                        .asVariableContext();
                for (String test : tests) {
                    String input = test.contains("\"") ? "category" : "quantity";
                    assertThat(parsedOnce.evaluateSimpleUnaryTests(test, input, line))
                            .as("%s on %s=%s", test, input, quantity)
                            .isEqualTo(stock.evaluateSimpleUnaryTests(test, input, line));
                }
            }
        }
    }

    @Test
    void expressionsAnswerExactlyAsCamundasEngineDoes() {
        VariableContext line = Variables.createVariables().putValue("quantity", 4).putValue("category", "APPAREL").asVariableContext();
        for (String expression : List.of("quantity", "quantity * 2 + 1", "if quantity > 3 then \"MULTI\" else \"ONE\"", "category", "10")) {
            Object expected = stock.evaluateSimpleExpression(expression, line);
            assertThat((Object) parsedOnce.evaluateSimpleExpression(expression, line)).as(expression).isEqualTo(expected);
        }
    }

    @Test
    void constantCellsAndMissingValuesAnswerExactlyAsCamundasEngineDoes() {
        VariableContext line = Variables.createVariables().putValue("couponCode", null).putValue("loyaltyTier", null)
                .putValue("quantity", 4).asVariableContext();
        List<String> cells = List.of("0", "50", "-3", "5.00", "15.5", "0.125", "null", "true", "false", "\"COUPON-WELCOME10\"", "\"\"",
                "couponCode", "loyaltyTier", " 10 ");
        for (int round = 0; round < 2; round++) { // the second round answers from what the first remembered
            for (String cell : cells) {
                Object expected = stock.evaluateSimpleExpression(cell, line);
                Object actual = parsedOnce.evaluateSimpleExpression(cell, line);
                assertThat(actual).as("%s (round %d)", cell, round).isEqualTo(expected);
                assertThat(actual == null ? null : actual.getClass()).as("type of %s", cell)
                        .isEqualTo(expected == null ? null : expected.getClass());
            }
        }
    }

    @Test
    void dateAndBasketInputsAnswerExactlyAsCamundasEngineDoesAndTheirTestsToo() {
        List<String> basket = new java.util.ArrayList<>(List.of("SKU-0048", "SKU-0049"));
        VariableContext line = Variables.createVariables().putValue("orderDate", java.time.LocalDate.of(2026, 11, 28))
                .putValue("basket", basket).putValue("empty", List.of()).putValue("mixed", List.of("SKU-0048", 7))
                .asVariableContext();
        for (String input : List.of("orderDate", "basket", "empty", "mixed")) {
            Object expected = stock.evaluateSimpleExpression(input, line);
            Object actual = parsedOnce.evaluateSimpleExpression(input, line);
            assertThat(actual).as(input).isEqualTo(expected);
            assertThat(actual).as("type of " + input).isInstanceOf(expected instanceof List ? List.class : expected.getClass());
        }
        basket.add("SKU-0050");
        assertThat((Object) parsedOnce.evaluateSimpleExpression("basket", line)).as("read at each evaluation, not remembered")
                .isEqualTo(List.of("SKU-0048", "SKU-0049", "SKU-0050"));
        for (String test : List.of("[date(\"2026-11-27\")..date(\"2026-11-30\")]", "list contains(?, \"SKU-0049\")", "list contains(?, \"SKU-0046\")")) {
            String input = test.startsWith("[") ? "orderDate" : "basket";
            assertThat(parsedOnce.evaluateSimpleUnaryTests(test, input, line)).as(test)
                    .isEqualTo(stock.evaluateSimpleUnaryTests(test, input, line));
        }
    }

    @Test
    void inputsOfOtherTypesAnswerAsInCamundasEngine() {
        VariableContext odd = Variables.createVariables().putValue("quantity", "3").putValue("category", 7L).putValue("price", 2.5)
                .asVariableContext();
        for (String test : List.of(">= 3", "3", "\"APPAREL\"", "\"7\"")) {
            for (String input : List.of("quantity", "category", "price")) {
                assertThat(parsedOnce.evaluateSimpleUnaryTests(test, input, odd)).as(test + " on " + input)
                        .isEqualTo(stock.evaluateSimpleUnaryTests(test, input, odd));
            }
        }
    }

    @Test
    void eachTextIsParsedOnceHoweverOftenItIsEvaluated() {
        for (int i = 0; i < 50; i++) {
            VariableContext line = Variables.createVariables().putValue("quantity", i).asVariableContext();
            parsedOnce.evaluateSimpleUnaryTests("[1..5]", "quantity", line);
            parsedOnce.evaluateSimpleExpression("quantity + 1", line);
        }

        assertThat(parsedOnce.remembered()).isEqualTo(2);
    }

    @Test
    void aBrokenCellFailsLikeItDoesInCamundasEngine() {
        VariableContext empty = Variables.createVariables().asVariableContext();

        assertThatThrownBy(() -> parsedOnce.evaluateSimpleUnaryTests(">= >= 3", "quantity", empty)).isInstanceOf(FeelException.class);
        assertThatThrownBy(() -> stock.evaluateSimpleUnaryTests(">= >= 3", "quantity", empty)).isInstanceOf(FeelException.class);
    }
}
