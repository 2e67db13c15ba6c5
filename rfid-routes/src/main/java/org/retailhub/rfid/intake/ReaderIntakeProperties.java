package org.retailhub.rfid.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.retailhub.rfid.reads.ReaderFormat;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The reader intake: the only place its MQTT endpoint, topics and timings are written down ({@code hub.rfid.intake.*}).
 * Readers publish on {@code <topic-prefix>/zebra/<reader id>} and {@code <topic-prefix>/impinj/<reader id>}.
 *
 * @param enabled         false: no reader routes (the EPCIS and count APIs still answer)
 * @param brokerUrl       any MQTT 3.1.1 or 5 broker, {@code tcp://host:1883} or {@code ssl://host:8883}; the embedded default
 *                        sets its in-process broker's
 * @param username        for the broker, blank: none
 * @param password        for the broker (set HUB_RFID_INTAKE_PASSWORD)
 * @param clientId        this hub's MQTT client id (one per hub instance), suffixed with the format
 * @param topicPrefix     the readers' topics start with it
 * @param qos             MQTT quality of service of the subscription (1: at least once)
 * @param deadLetterTopic where reader messages and tag records that cannot become reads go: original bytes, the reason
 *                        in header {@code dlq-reason}, the MQTT topic in {@code dlq-source-topic}
 * @param allowedLateness how much later than the latest read a read may arrive and still count ({@code PresenceSmoothing})
 * @param tick            how often the hub's clock moves the smoothing on when no reads come (exits fall due)
 * @param retry           how a message whose handling failed for another reason than itself (database down) is tried
 *                        again in place; -1 redeliveries: until it succeeds, while the broker keeps the rest
 * @param leadership      with several hub instances, only the one holding the lead subscribes to the readers (they
 *                        share the client id and the broker's session, and presence is smoothed in one place)
 */
@Validated
@ConfigurationProperties("hub.rfid.intake")
public record ReaderIntakeProperties(@DefaultValue("true") boolean enabled,
                                     @NotBlank @DefaultValue("tcp://localhost:1883") String brokerUrl,
                                     @DefaultValue("") String username,
                                     @DefaultValue("") String password,
                                     @NotBlank @DefaultValue("retail-hub-rfid") String clientId,
                                     @NotBlank @DefaultValue("rfid") String topicPrefix,
                                     @Min(0) @Max(2) @DefaultValue("1") int qos,
                                     @NotBlank @DefaultValue("rfid.deadletter") String deadLetterTopic,
                                     @NotNull @DefaultValue("5s") Duration allowedLateness,
                                     @NotNull @DefaultValue("1s") Duration tick,
                                     @Valid @NotNull @DefaultValue Retry retry,
                                     @Valid @NotNull @DefaultValue Leadership leadership) {

    /**
     * @param redeliveries attempts after the first; -1: until it succeeds
     * @param delay        first pause, doubled each time up to {@code maxDelay}
     */
    public record Retry(@Min(-1) @Max(100) @DefaultValue("-1") int redeliveries, @NotNull @DefaultValue("500ms") Duration delay,
                        @NotNull @DefaultValue("10s") Duration maxDelay) {
    }

    /**
     * @param enabled false: every instance subscribes at its start (one instance only, or a test without a database)
     * @param check   how often an instance tries to take the lead, and the leader checks it still holds it: the
     *                longest the readers go unheard after their leader dies
     */
    public record Leadership(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("2s") Duration check) {
    }

    /** The MQTT topic filter of a format's readers: {@code rfid/zebra/+}. */
    public String topicFilter(ReaderFormat format) {
        return topicPrefix + "/" + format.slug() + "/+";
    }
}
