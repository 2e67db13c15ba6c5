package org.retailhub.connectors.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code hub.insight.*} as Spring binds it: till sales are read by default, from the stock movements topic. */
class InsightPropertiesTest {

    @Test
    void tillSalesAreReadByDefaultAndCanBeSwitchedOffOrPointedElsewhere() {
        InsightProperties defaults = bind(Map.of());
        assertThat(defaults.tillSales().enabled()).isTrue();
        assertThat(defaults.tillSales().topic()).as("blank: hub.kafka.topics.stock-movements").isEmpty();
        assertThat(defaults.tillSales().receiptSpan()).isEqualTo(Duration.ofHours(1));

        InsightProperties set = bind(Map.of("hub.insight.till-sales.enabled", "false", "hub.insight.till-sales.topic", "pos.movements",
                "hub.insight.till-sales.receipt-span", "PT10M"));
        assertThat(set.tillSales()).isEqualTo(new InsightProperties.TillSales(false, "pos.movements", Duration.ofMinutes(10)));
    }

    private static InsightProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hub.insight", InsightProperties.class);
    }
}
