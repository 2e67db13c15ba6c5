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
import org.springframework.stereotype.Component;

/**
 * The edge every channel's order passes after its format was parsed: Bean Validation of the canonical
 * order, then acceptance. Counts accepted and repeated orders per channel.
 */
@Component
public class OrderIntake {

    private final Validator validator;
    private final OrderAcceptance acceptance;
    private final MeterRegistry meters;

    public OrderIntake(Validator validator, OrderAcceptance acceptance, MeterRegistry meters) {
        this.validator = validator;
        this.acceptance = acceptance;
        this.meters = meters;
    }

    /** @throws InvalidOrderException listing every violated constraint when the order is not well-formed */
    public AcceptedOrder submit(OrderRequest request) {
        Set<ConstraintViolation<OrderRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new InvalidOrderException(request.externalId(), violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        AcceptedOrder accepted = acceptance.accept(request);
        meters.counter("hub.orders.intake", "channel", request.channel().name(),
                "result", accepted.created() ? "accepted" : "repeated").increment();
        return accepted;
    }
}
