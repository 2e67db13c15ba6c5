package org.retailhub.processes.pricing;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine, except that each expression text is parsed once and the parsed form reused. The stock
 * engine parses every cell of the promotion table on every evaluation: in the order benchmark a quarter of the
 * hub's CPU went to the FEEL parser (ops/bench/RESULTS.md). Evaluation itself is unchanged, so results are the
 * same; a redeployed table brings new texts, which are parsed on first use.
 */
public class ParsedOnceFeelEngine extends ScalaFeelEngine {

    /** More distinct expression texts than this means something generates them; stop remembering then. */
    static final int MAX_REMEMBERED = 10_000;

    private final java.util.Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    private final java.util.Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

    public ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
        super(functionProviders);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
        VariableProvider provider = new ContextVariableWrapper(variables);
        return (T) valueOf(feelEngine.eval(parsed, context(provider)));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
        ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
        StaticVariableProvider input = new StaticVariableProvider(new Map.Map1<>(UnaryTests$.MODULE$.inputVariable(), inputVariable));
        VariableProvider provider = new CompositeVariableProvider(toScalaList(input, new ContextVariableWrapper(variables)));
        return BoxesRunTime.unboxToBoolean(valueOf(feelEngine.eval(parsed, context(provider))));
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
