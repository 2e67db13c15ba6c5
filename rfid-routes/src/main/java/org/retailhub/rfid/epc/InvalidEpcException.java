package org.retailhub.rfid.epc;

/**
 * An EPC that the codec refuses rather than translate into a wrong identity: it names the input as given, what is
 * wrong with it ({@link #problem()}) and, in the message, the offending field.
 */
public class InvalidEpcException extends IllegalArgumentException {

    private final EpcProblem problem;
    private final String input;
    private final String detail;

    public InvalidEpcException(EpcProblem problem, String input, String detail) {
        super(input + ": " + detail);
        this.problem = problem;
        this.input = input;
        this.detail = detail;
    }

    public EpcProblem problem() {
        return problem;
    }

    /** The hex or URI as the caller gave it. */
    public String input() {
        return input;
    }

    /** What is wrong, without the input. */
    public String detail() {
        return detail;
    }

    /** The same problem, told about the caller's own input rather than the value the codec derived from it. */
    InvalidEpcException about(String callerInput) {
        return callerInput.equals(input) ? this : new InvalidEpcException(problem, callerInput, detail);
    }
}
