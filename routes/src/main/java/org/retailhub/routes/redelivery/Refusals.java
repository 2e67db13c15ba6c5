package org.retailhub.routes.redelivery;

import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.retailhub.domain.shared.RefusedInputException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * What every route family counts as a refusal of its input, which is never redelivered: the hub's verdict while the
 * input was read, mapped or validated ({@link RefusedInputException}), and the hub's database refusing to store what
 * the input says (a check, key or length constraint: {@link DataIntegrityViolationException}), which no retry of the
 * same input changes either. Anything else (a database, island or provider down) is redelivered.
 */
public final class Refusals {

    private static final int MAX_REASON = 500;

    private Refusals() {
    }

    /** The route configuration's clause for refusals, redelivered never; the family says what becomes of them. */
    public static OnExceptionDefinition of(RouteConfigurationDefinition configuration) {
        return configuration.onException(RefusedInputException.class, DataIntegrityViolationException.class).maximumRedeliveries(0);
    }

    /**
     * Why the input was refused, in at most 500 characters: the failure's message; for the database, only which
     * constraint it broke, never the row's values (a customer's name or e-mail may be among them, and reasons are logged).
     */
    public static String reason(Throwable failure) {
        String reason;
        if (failure == null) {
            reason = "unknown";
        } else if (failure instanceof DataIntegrityViolationException refused) {
            String constraint = String.valueOf(NestedExceptionUtils.getMostSpecificCause(refused).getMessage());
            reason = "the hub's database refused it: " + constraint.lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
        } else {
            reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        }
        // a parser may quote the whole offending value: the reason names it, the dead letter carries it
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "...";
    }
}
