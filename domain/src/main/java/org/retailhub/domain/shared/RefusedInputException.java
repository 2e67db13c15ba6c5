package org.retailhub.domain.shared;

import java.util.function.Supplier;

/**
 * The hub's verdict that one inbound message, line, document or answer can never be processed as it is: retrying it
 * changes nothing, so it is set aside (dead letter, problem detail) with this reason and the stream goes on. Anything
 * else that fails while a message is handled (a database, the CRM or a provider down) is not a verdict on the message
 * and is retried. The domain's own refusals ({@code InvalidOrderException}, {@code UndecodableChangeException},
 * {@code ConflictingChangeException}) are of this kind; {@link #whileReading} makes every failure of reading one.
 */
public class RefusedInputException extends RuntimeException {

    private static final int MAX_REASON = 500;

    public RefusedInputException(String reason) {
        super(reason);
    }

    public RefusedInputException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /**
     * Runs the parsing, mapping and validation of one input, which touch nothing but the input: whatever they throw is
     * a verdict on that input, whatever its type (a malformed document may trip any parser: an unexpected shape, a
     * number out of range, a nesting too deep for the stack).
     *
     * @param what names the input in the reason, e.g. "WEB order message"
     */
    public static <T> T whileReading(String what, Supplier<T> reading) {
        try {
            return reading.get();
        } catch (RefusedInputException refused) {
            throw refused;
        } catch (RuntimeException | StackOverflowError unreadable) {
            throw new RefusedInputException(what + " cannot be read: " + describe(unreadable), unreadable);
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        String reason = message == null || message.isBlank() ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + message;
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "...";
    }
}
