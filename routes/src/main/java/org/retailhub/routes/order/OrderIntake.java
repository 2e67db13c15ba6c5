package org.retailhub.routes.order;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import org.retailhub.domain.order.AcceptedOrder;
import org.retailhub.domain.order.InvalidOrderException;
import org.retailhub.domain.order.OrderAcceptance;
import org.retailhub.domain.order.OrderRequest;
import org.retailhub.domain.order.OrderTrace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The edge every channel's order passes after its format was parsed: Bean Validation of the canonical
 * order ({@link #validated}, which touches nothing), then acceptance ({@link #accept}, which stores). Counts accepted
 * and repeated orders per channel and path (hub or legacy, {@code hub_orders_intake_total{channel,result,path}}), and
 * logs each with the order's id and trace id ({@link OrderTrace}).
 */
@Component
public class OrderIntake {

    private static final Logger log = LoggerFactory.getLogger(OrderIntake.class);

    private final Validator validator;
    private final OrderAcceptance acceptance;
    private final MeterRegistry meters;

    public OrderIntake(Validator validator, OrderAcceptance acceptance, MeterRegistry meters) {
        this.validator = validator;
        this.acceptance = acceptance;
        this.meters = meters;
    }

    /** Validates, then accepts. */
    public AcceptedOrder submit(OrderRequest request) {
        return accept(validated(request));
    }

    /** @throws InvalidOrderException listing every violated constraint when the order is not well-formed */
    public OrderRequest validated(OrderRequest request) {
        Set<ConstraintViolation<OrderRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new InvalidOrderException(request.externalId(), violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    /**
     * Accepts a validated order (see {@link OrderAcceptance#accept}).
     *
     * @throws InvalidOrderException when the store, an article or the payment method is refused; nothing is stored then
     */
    public AcceptedOrder accept(OrderRequest valid) {
        AcceptedOrder accepted = acceptance.accept(valid);
        String result = accepted.created() ? "accepted" : "repeated";
        meters.counter("hub.orders.intake", "channel", valid.channel().name(), "result", result,
                "path", accepted.path().name()).increment();
        try (OrderTrace.Scope ignored = OrderTrace.of(accepted.orderId())) {
            log.info("Order {} from {} {}", accepted.orderId(), valid.channel(), result);
        }
        return accepted;
    }
}
