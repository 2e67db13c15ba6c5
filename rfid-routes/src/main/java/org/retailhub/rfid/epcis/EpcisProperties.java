package org.retailhub.rfid.epcis;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * EPCIS events out ({@code hub.rfid.epcis.*}).
 *
 * @param topic      the Kafka topic every EPCIS event goes to, the hub's own and captured ones (through the outbox)
 * @param maxResults the most events one query answers
 */
@Validated
@ConfigurationProperties("hub.rfid.epcis")
public record EpcisProperties(@NotBlank @DefaultValue("rfid.epcis") String topic,
                              @Min(1) @Max(10_000) @DefaultValue("1000") int maxResults) {
}
