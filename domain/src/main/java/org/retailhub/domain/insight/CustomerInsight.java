package org.retailhub.domain.insight;

import java.util.List;
import java.util.Optional;

/**
 * Port: the live state the behaviour stream keeps (implemented by the Kafka Streams topology's interactive queries).
 * Answers are as fresh as the stream's last commit.
 */
public interface CustomerInsight {

    /** The customer's profile, empty if the stream has seen nothing of them. */
    Optional<CustomerProfile> profile(String customerId);

    /** The articles customers showed interest in together with this one, empty if none. */
    Optional<ItemNeighbours> neighbours(String sku);

    /** Every article's popularity (one entry per article customers showed interest in). */
    List<ItemPopularity> popularity();

    /** The stream is not ready to answer (starting, or rebalancing between instances); asking again later helps. */
    class InsightUnavailableException extends RuntimeException {
        public InsightUnavailableException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
