package org.retailhub.routes.payment;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.retailhub.routes.redelivery.Refusals;
import org.springframework.stereotype.Component;

/**
 * Error handling of the settlement route, declared once: a file the hub refuses ({@link Refusals}: name, size,
 * header, or a reconciliation the hub's database refuses to store) moves to
 * {@code .failed} with its reason written beside it ({@code .failed/<file>.reason}) and counted in
 * {@code hub.payments.settlement.refused}; a reconciliation that failed for another reason (database down) is tried
 * again with a growing pause while the file stays where it is.
 */
@Component
public class SettlementRefusals extends RouteConfigurationBuilder {

    public static final String ID = "settlement";

    private final SettlementProperties properties;
    private final MeterRegistry meters;

    public SettlementRefusals(SettlementProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public void configuration() {
        Refusals.of(routeConfiguration(ID).errorHandler(properties.retry().errorHandler()))
                    // not handled: the exchange fails, so the file consumer moves the file to .failed
                    .handled(false)
                    .process(this::recordReason);
    }

    private void recordReason(Exchange exchange) throws IOException {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String file = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String reason = Refusals.reason(cause);
        Path failed = Path.of(properties.inbox(), ".failed");
        Files.createDirectories(failed);
        Files.writeString(failed.resolve(file + ".reason"), reason + System.lineSeparator(), StandardCharsets.UTF_8);
        meters.counter("hub.payments.settlement.refused").increment();
        log.warn("Settlement file {} refused, moved to .failed: {}", file, reason);
    }
}
