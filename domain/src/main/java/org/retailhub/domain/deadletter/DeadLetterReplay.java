package org.retailhub.domain.deadletter;

/**
 * Port: puts a dead letter's original message back into the flow it came from, as if it arrived again (a channel
 * message back onto its topic; a captured change or island file line applied again; a reader message read again).
 * Implemented by the routes of the source. It runs inside the desk's transaction: when it throws, the letter stays open.
 */
public interface DeadLetterReplay {

    /** The source whose letters this replays. */
    DeadLetterSource source();

    /**
     * Sends the message again; returns when the flow has taken it (e.g. the broker acknowledged it), saying what became
     * of it (kept with the letter, at most 500 characters).
     *
     * @param origin  where the letter came from (the channel topic; the island and its table or file; the reader's MQTT topic)
     * @param key     the message's key, if it had one
     * @param message the message as it came
     * @throws DeadLetterRefusedException when {@code origin} is no flow this replay can feed ({@code NOT_REPLAYABLE}) or
     *                                    the flow refused the message again ({@code REPLAY_REFUSED})
     */
    String replay(String origin, String key, byte[] message);
}
