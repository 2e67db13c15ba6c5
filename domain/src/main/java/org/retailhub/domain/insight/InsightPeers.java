package org.retailhub.domain.insight;

import java.util.Optional;

/**
 * Port: the other instances of the hub that share the behaviour stream's work. Kafka Streams gives each instance some
 * of the customers (by partition); a query about a customer another instance holds is asked there, in the caller's
 * name, and its answer is passed on as it is (implemented by {@code InsightStreams} in {@code connectors}).
 */
public interface InsightPeers {

    /** The header of a request one instance asks another: it is answered where it arrives, never passed on again. */
    String FORWARDED_HEADER = "X-Hub-Insight-Forwarded";

    /** A single instance, or one that does not route: every customer is asked here. */
    InsightPeers NONE = (customerId, pathAndQuery, authorization) -> Optional.empty();

    /**
     * The answer of the instance holding {@code customerId}'s state to the same request, or empty when this instance
     * holds it; {@link CustomerInsight.InsightUnavailableException} when the holder is not known yet (rebalancing) or
     * does not answer.
     *
     * @param pathAndQuery  the request's path and query, e.g. {@code /api/customers/CU100001/profile}
     * @param authorization the caller's {@code Authorization} header, passed on so the holder checks the caller again
     */
    Optional<PeerAnswer> askHolder(String customerId, String pathAndQuery, String authorization);

    /** What the holding instance answered. */
    record PeerAnswer(int status, String contentType, String body) {
    }
}
