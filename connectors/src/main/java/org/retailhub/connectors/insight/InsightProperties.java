package org.retailhub.connectors.insight;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.retailhub.domain.insight.InsightModel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Customer insight's stream ({@code hub.insight.*}); the beacon's own topics are under {@code hub.insight.beacon}.
 *
 * @param enabled        run the topology and serve its queries
 * @param acceptedTopic  the interactions the beacon accepted, keyed by golden customer id
 * @param applicationId  Kafka Streams' application id: instances with the same id share the work by partitions
 * @param stateDir       where the state stores live; blank = {@code insight/} beside the embedded data folder, or a
 *                       temporary folder removed at stop when there is none
 * @param commitInterval how often the stream commits, i.e. how soon queries see an event
 * @param halfLife       see {@link InsightModel}
 * @param queryFreshness how old an answer the query path may reuse: consent, stock at a store, an article's neighbours
 *                       and the popularity list (zero = ask every time); the customer's profile is always read live
 * @param redelivery     how long the stream remembers the order lines it counted, so that a paid order the outbox
 *                       relays again does not count twice
 * @param closeTimeout   how long stopping waits for the stream's threads to leave the group and end
 * @param advertisedAddress this instance's HTTP address as the other instances reach it ({@code host:port}); with
 *                       several instances a query about a customer another instance holds is asked there; blank =
 *                       one instance (every query answered here)
 * @param tillSales      till sales (stock movements of kind {@code TILL_SALE}) for the articles' popularity and neighbours
 */
@Validated
@ConfigurationProperties("hub.insight")
public record InsightProperties(@DefaultValue("true") boolean enabled,
                                @NotBlank @DefaultValue("behaviour.accepted") String acceptedTopic,
                                @NotBlank @DefaultValue("retail-hub-insight") String applicationId,
                                @NotNull @DefaultValue("") String stateDir,
                                @NotNull @DefaultValue("PT1S") Duration commitInterval,
                                @NotNull @DefaultValue("P14D") Duration halfLife,
                                @Min(1) @Max(200) @DefaultValue("20") int recentItems,
                                @Min(1) @Max(500) @DefaultValue("50") int maxNeighbours,
                                @NotNull @DefaultValue("P30D") Duration pairWindow,
                                @NotNull @DefaultValue("P30D") Duration justBought,
                                @NotNull @DefaultValue("PT1S") Duration queryFreshness,
                                @NotNull @DefaultValue("P7D") Duration redelivery,
                                @NotNull @DefaultValue("PT20S") Duration closeTimeout,
                                @NotNull @Pattern(regexp = "|[A-Za-z0-9.-]+:[0-9]{1,5}", message = "must be host:port or blank")
                                @DefaultValue("") String advertisedAddress,
                                @Valid @NotNull @DefaultValue TillSales tillSales) {

    /**
     * Till sales as evidence for the articles' side (no customer: no profile).
     *
     * @param enabled     read them
     * @param topic       the stock movements topic; blank = {@code hub.kafka.topics.stock-movements}
     * @param receiptSpan how far apart two lines of one receipt may be and still be paired
     */
    public record TillSales(@DefaultValue("true") boolean enabled,
                            @NotNull @DefaultValue("") String topic,
                            @NotNull @DefaultValue("PT1H") Duration receiptSpan) {
    }

    /** The model's figures. */
    public InsightModel model() {
        return new InsightModel(halfLife, recentItems, maxNeighbours, pairWindow, justBought);
    }
}
