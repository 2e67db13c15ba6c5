package org.retailhub.domain.deadletter;

/**
 * An operator's action on a dead letter that cannot be done: no such letter, already resolved, not replayable, or
 * refused again by its flow when replayed (the letter then stays open, nothing of the replay is kept).
 */
public class DeadLetterRefusedException extends RuntimeException {

    /** Why the action was refused, with the slug and title an answer names it by. */
    public enum Kind {
        NOT_FOUND("dead-letter-not-found", "No such dead letter"),
        RESOLVED("dead-letter-resolved", "Dead letter already resolved"),
        NOT_REPLAYABLE("dead-letter-not-replayable", "Dead letter cannot be replayed"),
        REPLAY_REFUSED("dead-letter-replay-refused", "Replayed dead letter refused again");

        private final String slug;
        private final String title;

        Kind(String slug, String title) {
            this.slug = slug;
            this.title = title;
        }

        public String slug() {
            return slug;
        }

        public String title() {
            return title;
        }
    }

    private final Kind kind;

    public DeadLetterRefusedException(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public DeadLetterRefusedException(Kind kind, String reason, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
