package org.retailhub.domain.deadletter;

/**
 * Port: puts a dead letter's original message back into the flow it came from, as if it arrived again (a channel
 * message back onto its topic). Implemented by the routes of the source.
 */
public interface DeadLetterReplay {

    /** The source whose letters this replays. */
    DeadLetterSource source();

    /**
     * Sends the message again; returns when the flow has taken it (e.g. the broker acknowledged it).
     *
     * @param origin  where the letter came from (the channel topic)
     * @param key     the message's key, if it had one
     * @param message the message as it came
     * @throws DeadLetterRefusedException when {@code origin} is no flow this replay can feed
     */
    void replay(String origin, String key, byte[] message);
}
