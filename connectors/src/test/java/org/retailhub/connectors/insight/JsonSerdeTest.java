package org.retailhub.connectors.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.insight.CustomerProfile;
import org.retailhub.domain.insight.InsightModel;
import org.retailhub.domain.insight.Interaction;
import org.retailhub.domain.insight.InteractionKind;

class JsonSerdeTest {

    /** The hub's own mapper as Spring Boot configures it: instants as ISO-8601 text. */
    private final ObjectMapper hubJson = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final Serde<CustomerProfile> stores = JsonSerde.of(CustomerProfile.class, JsonSerde.forOwnRecords(hubJson));

    private final CustomerProfile profile = CustomerProfile.first("CU100001")
            .with(new Interaction("CU100001", "SKU-0001", "COFFEE", InteractionKind.VIEW, "STORE-001", 1, null,
                    Instant.parse("2026-12-01T10:15:30.123456789Z"), null), InsightModel.standard())
            .with(new Interaction("CU100001", "SKU-0002", "COFFEE", InteractionKind.PURCHASE, "STORE-001", 2, new BigDecimal("7.98"),
                    Instant.parse("2026-12-01T10:16:00Z"), "O-1/1"), InsightModel.standard());

    @Test
    void storesInstantsAsEpochSecondsAndReadsThemBackToTheNanosecond() {
        byte[] stored = stores.serializer().serialize("profiles", profile);

        assertThat(new String(stored, StandardCharsets.UTF_8)).contains("\"lastSeen\":1796120160.000000000")
                .doesNotContain("2026-12-01T");
        assertThat(stores.deserializer().deserialize("profiles", stored)).isEqualTo(profile);
    }

    @Test
    void readsTheProfilesStoredBeforeAsText() throws Exception {
        byte[] storedBefore = hubJson.writeValueAsBytes(profile);

        assertThat(new String(storedBefore, StandardCharsets.UTF_8)).contains("\"lastSeen\":\"2026-12-01T10:16:00Z\"");
        assertThat(stores.deserializer().deserialize("profiles", storedBefore)).isEqualTo(profile);
    }
}
