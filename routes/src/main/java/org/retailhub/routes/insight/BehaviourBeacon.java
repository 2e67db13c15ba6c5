package org.retailhub.routes.insight;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.retailhub.domain.insight.BehaviourIntake;
import org.retailhub.domain.insight.BehaviourOutcome;
import org.retailhub.domain.insight.BehaviourReport;
import org.retailhub.domain.shared.RefusedInputException;
import org.springframework.stereotype.Component;

/**
 * Both beacons' common edge (REST and Kafka): reads and validates an event, hands it to the intake and counts what
 * became of it: metric {@code hub.behaviour.events} with tag {@code outcome} ({@code accepted}, {@code no_consent},
 * {@code unknown_customer}). An event that is malformed or names nothing the hub sells is a {@link RefusedInputException}.
 */
@Component
public class BehaviourBeacon {

    private final ObjectReader reader;
    private final Validator validator;
    private final BehaviourIntake intake;
    private final MeterRegistry meters;

    public BehaviourBeacon(ObjectMapper json, Validator validator, BehaviourIntake intake, MeterRegistry meters) {
        this.reader = json.readerFor(BehaviourReport.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.validator = validator;
        this.intake = intake;
        this.meters = meters;
    }

    /** The event of a Kafka message, valid; whatever is wrong with it is a refusal of this message. */
    public BehaviourReport read(byte[] message) {
        return RefusedInputException.whileReading("behaviour event", () -> validated(parse(message)));
    }

    private BehaviourReport parse(byte[] message) {
        try {
            return reader.readValue(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tracks a valid event if its customer consented. */
    public BehaviourOutcome take(BehaviourReport report) {
        BehaviourOutcome outcome = intake.accept(validated(report));
        meters.counter("hub.behaviour.events", "outcome", outcome.name().toLowerCase(Locale.ROOT)).increment();
        return outcome;
    }

    private BehaviourReport validated(BehaviourReport report) {
        if (report == null) {
            throw new RefusedInputException("behaviour event is empty");
        }
        Set<ConstraintViolation<BehaviourReport>> violations = validator.validate(report);
        if (!violations.isEmpty()) {
            throw new RefusedInputException("behaviour event is not valid: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        return report;
    }
}
