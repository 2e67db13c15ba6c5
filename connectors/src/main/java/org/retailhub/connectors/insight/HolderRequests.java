package org.retailhub.connectors.insight;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import org.retailhub.domain.insight.CustomerInsight;
import org.retailhub.domain.insight.InsightPeers;

/**
 * Asks another instance of the hub the caller's question (a GET of the insight API) in the caller's name: their
 * {@code Authorization} goes along, so the other instance checks the caller as it checks everyone. Marked as passed on
 * ({@link InsightPeers#FORWARDED_HEADER}), so it is answered there and never passed on again. An instance that does
 * not answer in time is {@link CustomerInsight.InsightUnavailableException} (503, try again).
 */
final class HolderRequests {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();

    InsightPeers.PeerAnswer ask(HostInfo holder, String pathAndQuery, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + holder.host() + ":" + holder.port() + pathAndQuery))
                .timeout(PATIENCE).header(InsightPeers.FORWARDED_HEADER, "true").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> answer = send(request.build());
            return new InsightPeers.PeerAnswer(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(null), answer.body());
        } catch (IOException e) {
            throw new CustomerInsight.InsightUnavailableException("the instance holding the customer (" + holder + ") did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CustomerInsight.InsightUnavailableException("interrupted while asking " + holder, e);
        }
    }

    /** A GET may be sent twice: once more if the connection kept from before was closed by the other side meanwhile. */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException closedMeanwhile) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
