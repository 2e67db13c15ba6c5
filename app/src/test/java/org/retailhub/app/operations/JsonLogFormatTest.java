package org.retailhub.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A JSON log line: one object per line, the MDC's business key in it, personal data masked in message and stack trace. */
class JsonLogFormatTest {

    private final LoggerContext context = new LoggerContext();

    @Test
    void oneMaskedObjectPerLineWithTheBusinessKey() throws Exception {
        LoggingEvent event = new LoggingEvent("org.retailhub.Test", context.getLogger("org.retailhub.routes.order.OrderIntake"), Level.WARN,
                "Customer {} paid with card {}", new IllegalStateException("refused for jane.doe@example.com"),
                new Object[] {"jane.doe@example.com", "6036000000000002"});
        event.setMDCPropertyMap(Map.of(ProcessMeters.BUSINESS_KEY, "7f3c2a9e-5d1b-4c8e-9a6f-0b2d4e6f8a1c"));

        String line = new JsonLogFormat().format(event);

        assertThat(line).endsWith("\n").doesNotContain("jane.doe@example.com").doesNotContain("6036000000000002");
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("logger").asText()).isEqualTo("org.retailhub.routes.order.OrderIntake");
        assertThat(json.get("message").asText()).isEqualTo("Customer ***@*** paid with card ****0002");
        assertThat(json.get("mdc").get("businessKey").asText()).isEqualTo("7f3c2a9e-5d1b-4c8e-9a6f-0b2d4e6f8a1c");
        assertThat(json.get("error").asText()).contains("IllegalStateException: refused for ***@***");
        assertThat(json.get("@timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    }
}
