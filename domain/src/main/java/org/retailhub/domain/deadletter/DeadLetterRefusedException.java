package org.retailhub.domain.deadletter;

/** An operator's action on a dead letter that cannot be done: no such letter, already resolved, or not replayable. */
public class DeadLetterRefusedException extends RuntimeException {

    /** Why the action was refused. */
    public enum Kind { NOT_FOUND, RESOLVED, NOT_REPLAYABLE }

    private final Kind kind;

    public DeadLetterRefusedException(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
