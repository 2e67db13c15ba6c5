package org.retailhub.rfid.reads;

import org.retailhub.domain.shared.RefusedInputException;

/**
 * The hub's verdict that a reader message (or one tag record of it) can never become a read: retrying changes nothing,
 * so it goes to the dead letters with this reason and the stream goes on.
 */
public class RefusedReadException extends RefusedInputException {

    private final ReadProblem problem;
    private final String reader;

    public RefusedReadException(ReadProblem problem, String reader, String detail) {
        super(problem.slug() + ": " + detail);
        this.problem = problem;
        this.reader = reader;
    }

    public ReadProblem problem() {
        return problem;
    }

    /** The reader the message came from as far as it is known (topic or body), else {@code null}. */
    public String reader() {
        return reader;
    }
}
