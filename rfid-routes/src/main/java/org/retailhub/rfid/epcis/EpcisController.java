package org.retailhub.rfid.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.retailhub.domain.epcis.EpcisJournal;
import org.retailhub.domain.epcis.EpcisQuery;
import org.retailhub.domain.epcis.JournalEvent;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * EPCIS 2.0 in and out. {@code POST /api/epcis/capture} takes an EPCIS document (or one event) from another system,
 * checks it against GS1's schema ({@link EpcisSchema}) and keeps its events once each, published on the EPCIS topic
 * like the hub's own; a document the schema refuses answers 400 with every failing member by JSON Pointer.
 * {@code GET /api/epcis/events} answers the events with an EPC, at a location (read point or business location) and
 * in a time range, as an EPCIS document.
 */
@RestController
@RequestMapping("/api/epcis")
public class EpcisController {

    static final URI INVALID_EPCIS = URI.create("https://retail-hub.org/problems/invalid-epcis");

    private final EpcisSchema schema;
    private final EpcisJournal journal;
    private final EpcisEvents events;
    private final EpcisProperties properties;

    public EpcisController(EpcisSchema schema, EpcisJournal journal, EpcisEvents events, EpcisProperties properties) {
        this.schema = schema;
        this.journal = journal;
        this.events = events;
        this.properties = properties;
    }

    @PostMapping(path = "/capture", consumes = {"application/json", "application/ld+json"})
    ResponseEntity<Map<String, Object>> capture(@RequestBody JsonNode document) {
        List<EpcisSchema.Violation> violations = schema.check(document);
        if (!violations.isEmpty()) {
            throw new InvalidEpcisException(violations);
        }
        if ("EPCISQueryDocument".equals(document.path("type").asText())) {
            throw new InvalidEpcisException(List.of(new EpcisSchema.Violation("/type", "a query document answers a query; capture takes an EPCISDocument or an event")));
        }
        List<JournalEvent> captured = CapturedEvents.of(document);
        int added = journal.record(captured, EpcisJournal.CAPTURED, properties.topic());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of(
                "events", captured.size(), "new", added, "eventIds", captured.stream().map(JournalEvent::eventId).toList()));
    }

    @GetMapping("/events")
    JsonNode events(@RequestParam(required = false) String epc, @RequestParam(required = false) String location,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                    @RequestParam(defaultValue = "100") int limit) {
        int bounded = Math.max(1, Math.min(limit, properties.maxResults()));
        List<JsonNode> found = journal.find(new EpcisQuery(blankToNull(epc), blankToNull(location), from, to, bounded));
        return events.documentOf(found, Instant.now());
    }

    @ExceptionHandler(InvalidEpcisException.class)
    ProblemDetail invalid(InvalidEpcisException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.violations().size() + " member(s) of the document break the EPCIS 2.0 schema");
        problem.setType(INVALID_EPCIS);
        problem.setTitle("Invalid EPCIS document");
        problem.setProperty("errors", e.violations().stream().map(v -> Map.of("pointer", v.path(), "detail", v.message())).toList());
        return problem;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A document the schema refuses, with every failing member. */
    static final class InvalidEpcisException extends RuntimeException {

        private final transient List<EpcisSchema.Violation> violations;

        InvalidEpcisException(List<EpcisSchema.Violation> violations) {
            super(violations.size() + " schema violations");
            this.violations = violations;
        }

        List<EpcisSchema.Violation> violations() {
            return violations;
        }
    }
}
