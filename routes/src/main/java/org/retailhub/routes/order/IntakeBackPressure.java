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
 * @param retryAfter    what a refused REST client is told to wait ({@code Retry-After}) in the first seconds of a
 *                      closure, and the least it is ever told
 * @param maxRetryAfter the longest wait the hub expects to be closed for that it tells; each client is told up to half of
 *                      the expected wait more ({@link IntakeGate#retryAfterSeconds})
 */
public record IntakeBackPressure(@DefaultValue("true") boolean enabled,
                                 @Min(1) @DefaultValue("400") long maxBacklog,
                                 @Min(0) @DefaultValue("300") long resumeAt,
                                 @NotNull @DefaultValue("500ms") Duration refresh,
                                 @NotNull @DefaultValue("2s") Duration retryAfter,
                                 @NotNull @DefaultValue("30s") Duration maxRetryAfter) {

    /** Whether the intake is closed after reading {@code backlog}, given whether it was closed before. */
    public boolean closedAfter(boolean wasClosed, long backlog) {
        if (!enabled) {
            return false;
        }
        return wasClosed ? backlog > resumeAt : backlog > maxBacklog;
    }

    /**
     * How long a closed intake expects to stay closed, in whole seconds between {@code retryAfter} and {@code
     * maxRetryAfter}: the backlog still above {@code resumeAt}, at the rate it fell since its peak; while it has not
     * fallen yet, as long again as the intake has been closed.
     *
     * @param reading   the backlog now
     * @param peak      the highest reading since the intake closed
     * @param sincePeak how long ago that reading was
     * @param closedFor how long the intake has been closed
     */
    public long expectedWaitSeconds(long reading, long peak, Duration sincePeak, Duration closedFor) {
        long drained = peak - reading;
        double seconds = drained > 0 && !sincePeak.isZero()
                ? (double) (reading - resumeAt) / drained * sincePeak.toNanos() / 1e9
                : closedFor.toNanos() / 1e9;
        return Math.min(maxRetryAfter.toSeconds(), Math.max(retryAfter.toSeconds(), (long) Math.ceil(seconds)));
    }

    @AssertTrue(message = "resume-at must be below max-backlog")
    public boolean isResumeBelowMax() {
        return resumeAt < maxBacklog;
    }

    @AssertTrue(message = "max-retry-after must be at least retry-after, and retry-after at least one second")
    public boolean isRetryAfterInOrder() {
        return retryAfter.toSeconds() >= 1 && maxRetryAfter.compareTo(retryAfter) >= 0;
    }

    /** The same settings with other limits, for a drill or a test. */
    public IntakeBackPressure withLimits(long max, long resume) {
        return new IntakeBackPressure(enabled, max, resume, refresh, retryAfter, maxRetryAfter);
    }
}
