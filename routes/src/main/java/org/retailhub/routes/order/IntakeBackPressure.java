package org.retailhub.routes.order;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the intake stops taking orders because the hub has more accepted work than it can start ({@code
 * hub.intake.backpressure.*}), and the decision itself. The intake closes when the backlog rises above {@code
 * maxBacklog} and opens again only once it fell to {@code resumeAt}, so it does not flap around one value.
 *
 * @param enabled    false: the intake never closes
 * @param maxBacklog due process steps not yet done above which REST answers 503 and the channel consumers pause; about
 *                   one step per order in flight, so this is roughly the orders the hub queues before it refuses
 * @param resumeAt   the backlog at or below which a closed intake opens again; below {@code maxBacklog}
 * @param refresh    how often the backlog is read (one count query per instance); requests read the last reading
 * @param retryAfter what a refused REST client is told to wait ({@code Retry-After})
 */
public record IntakeBackPressure(@DefaultValue("true") boolean enabled,
                                 @Min(1) @DefaultValue("400") long maxBacklog,
                                 @Min(0) @DefaultValue("300") long resumeAt,
                                 @NotNull @DefaultValue("500ms") Duration refresh,
                                 @NotNull @DefaultValue("2s") Duration retryAfter) {

    /** Whether the intake is closed after reading {@code backlog}, given whether it was closed before. */
    public boolean closedAfter(boolean wasClosed, long backlog) {
        if (!enabled) {
            return false;
        }
        return wasClosed ? backlog > resumeAt : backlog > maxBacklog;
    }

    @AssertTrue(message = "resume-at must be below max-backlog")
    public boolean isResumeBelowMax() {
        return resumeAt < maxBacklog;
    }

    /** The same settings with other limits, for a drill or a test. */
    public IntakeBackPressure withLimits(long max, long resume) {
        return new IntakeBackPressure(enabled, max, resume, refresh, retryAfter);
    }
}
