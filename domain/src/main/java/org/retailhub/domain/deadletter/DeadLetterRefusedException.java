package org.retailhub.domain.deadletter;

/** An operator's action on a dead letter that cannot be done: no such letter, already resolved, or not replayable. */
public class DeadLetterRefusedException extends RuntimeException {

    /** Why the action was refused, with the slug and title an answer names it by. */
    public enum Kind {
        NOT_FOUND("dead-letter-not-found", "No such dead letter"),
        RESOLVED("dead-letter-resolved", "Dead letter already resolved"),
        NOT_REPLAYABLE("dead-letter-not-replayable", "Dead letter cannot be replayed");

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

    public Kind kind() {
        return kind;
    }
}
