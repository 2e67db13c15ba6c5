package org.retailhub.processes.pricing;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine, except that each expression text is parsed once and the parsed form reused, and that the
 * cells analysts write most (an input that is a variable name holding text, a whole number, a date or a list of texts;
 * a test that compares the input with one string or number) are answered directly. The stock engine parses every cell
 * of the promotion table on every evaluation and builds its built-in function library for every cell it evaluates:
 * in the order benchmark the parser took a quarter of the hub's CPU, and after that the library another quarter;
 * later the library for the order date and basket inputs alone was 5 % of the hub's CPU (ops/bench/RESULTS.md, runs 2
 * and 11). Anything else, and any input of another type, goes to Camunda's engine, so answers are the same (tested
 * against it).
 */
public class ParsedOnceFeelEngine extends ScalaFeelEngine {

    /** More distinct expression texts than this means something generates them; stop remembering then. */
    static final int MAX_REMEMBERED = 10_000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** A number, a string without escapes, or null, true or false: cells whose value depends on no variable. */
    private static final Pattern LITERAL = Pattern.compile("-?\\d{1,15}(?:\\.\\d{1,15})?|\"[^\"\\\\]*\"|null|true|false");
    private static final Object NULL_LITERAL = new Object();

    private final java.util.Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    /** The value of each constant cell, as FEEL gave it the first time (immutable: Long, Double, String, Boolean). */
    private final java.util.Map<String, Object> literals = new ConcurrentHashMap<>();
    private final java.util.Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

    public ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
        super(functionProviders);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        String name = expression.strip();
        if (NAME.matcher(name).matches() && variables.containsVariable(name)) {
            TypedValue value = variables.resolve(name);
            Object plain = value == null ? null : value.getValue();
            if (plain == null || plain instanceof String) {
                return (T) plain; // FEEL's null is Java's null
            }
            if (plain instanceof Integer || plain instanceof Long) {
                return (T) Long.valueOf(((Number) plain).longValue()); // FEEL's integral numbers come back as Long
            }
            if (plain instanceof LocalDate) {
                return (T) plain; // a FEEL date comes back as the same LocalDate
            }
            if (plain instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                return (T) List.copyOf(list); // a FEEL list of strings comes back as a Java list of the same strings
            }
        }
        Object literal = literals.get(expression);
        if (literal != null) {
            return (T) (literal == NULL_LITERAL ? null : literal);
        }
        if (LITERAL.matcher(name).matches()) {
            // a constant cell (most output cells: 0, 50, 5.00, "COUPON-WELCOME10", null): FEEL answers it once, with no
            // variables, and that answer is every later answer too
            Object value = valueOf(feelEngine.eval(parsed(expressions, expression, feelEngine::parseExpression),
                    context(new ContextVariableWrapper(variables))));
            if (literals.size() < MAX_REMEMBERED) {
                literals.put(expression, value == null ? NULL_LITERAL : value);
            }
            return (T) value;
        }
        ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
        VariableProvider provider = new ContextVariableWrapper(variables);
        return (T) valueOf(feelEngine.eval(parsed, context(provider)));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
        TypedValue given = variables.containsVariable(inputVariable) ? variables.resolve(inputVariable) : null;
        Boolean quick = given == null ? null : SimpleTest.answer(expression, given.getValue());
        if (quick != null) {
            return quick;
        }
        ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
        StaticVariableProvider input = new StaticVariableProvider(new Map.Map1<>(UnaryTests$.MODULE$.inputVariable(), inputVariable));
        VariableProvider provider = new CompositeVariableProvider(toScalaList(input, new ContextVariableWrapper(variables)));
        return BoxesRunTime.unboxToBoolean(valueOf(feelEngine.eval(parsed, context(provider))));
    }

    /** The two shapes answered without FEEL: {@code "text"} and {@code <op> number}, on an input of the matching type. */
    static final class SimpleTest {

        private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");
        private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)?\\s*(-?\\d{1,15}(?:\\.\\d{1,15})?)");

        private SimpleTest() {
        }

        /** The test's answer, or null when FEEL must decide. */
        static Boolean answer(String expression, Object input) {
            String test = expression.strip();
            Matcher text = STRING.matcher(test);
            if (text.matches()) {
                return input instanceof String s ? s.equals(text.group(1)) : null;
            }
            Matcher comparison = COMPARISON.matcher(test);
            if (comparison.matches() && (input instanceof Integer || input instanceof Long)) {
                int order = BigDecimal.valueOf(((Number) input).longValue()).compareTo(new BigDecimal(comparison.group(2)));
                String op = comparison.group(1) == null ? "" : comparison.group(1);
                return switch (op) {
                    case "<" -> order < 0;
                    case "<=" -> order <= 0;
                    case ">" -> order > 0;
                    case ">=" -> order >= 0;
                    default -> order == 0;
                };
            }
            return null;
        }
    }

    int remembered() {
        return expressions.size() + unaryTests.size();
    }

    private static ParsedExpression parsed(java.util.Map<String, ParsedExpression> cache, String text,
                                           Function<String, Either<Failure, ParsedExpression>> parser) {
        ParsedExpression known = cache.get(text);
        if (known != null) {
            return known;
        }
        ParsedExpression parsed = (ParsedExpression) valueOf(parser.apply(text));
        if (cache.size() < MAX_REMEMBERED) {
            cache.put(text, parsed);
        }
        return parsed;
    }

    private static Object valueOf(Either<Failure, ?> result) {
        if (result instanceof Left<Failure, ?> failure) {
            throw LOGGER.evaluationException(failure.value().message());
        }
        return result.toOption().get();
    }

    private static CustomContext context(VariableProvider variables) {
        return new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return variables;
            }
        };
    }
}
