package org.retailhub.connectors.insight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.regex.Pattern;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.retailhub.domain.inventory.StockMovement;
import org.retailhub.domain.inventory.StockMovementKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the hub's stock movements (JSON as the outbox published them), keeps the till sales and keys each by its
 * receipt, so that the lines of one receipt meet in {@link TillReceipts}. A record that is no stock movement is counted,
 * logged with its position and the reason, and skipped; the stream goes on.
 */
final class TillSaleReader implements Processor<String, String, String, StockMovement> {

    private static final Logger log = LoggerFactory.getLogger(TillSaleReader.class);
    /** {@code POS-<store>-<till>-<receipt>-<line>}: the POS's key of a receipt line (PosIsland), the same from CDC and the end-of-day log. */
    private static final Pattern RECEIPT_LINE = Pattern.compile("(POS-\\d+-\\d+-\\d+)-\\d+");

    private final ObjectReader json;
    private final Runnable unreadable;
    private ProcessorContext<String, StockMovement> context;

    TillSaleReader(ObjectMapper json, Runnable unreadable) {
        // a kind or a field added later is no reason to stop reading: it is not a till sale, or not needed here
        this.json = json.readerFor(StockMovement.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
        this.unreadable = unreadable;
    }

    @Override
    public void init(ProcessorContext<String, StockMovement> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, String> record) {
        StockMovement movement = read(record.value());
        if (movement != null) {
            context.forward(record.withKey(receiptOf(movement.reference())).withValue(movement));
        }
    }

    /**
     * The receipt a till sale's line belongs to ({@code POS-11-3-777} for line {@code POS-11-3-777-1}); a reference of
     * another form is taken as a receipt of its own (its article still counts, it pairs with nothing).
     */
    static String receiptOf(String reference) {
        var line = RECEIPT_LINE.matcher(reference);
        return line.matches() ? line.group(1) : reference;
    }

    /** The till sale, or null for another movement or an unreadable record (counted and logged). */
    private StockMovement read(String value) {
        String reason;
        try {
            StockMovement movement = value == null ? null : json.readValue(value);
            if (movement == null || movement.kind() != StockMovementKind.TILL_SALE) {
                return null;
            }
            if (movement.reference() != null && movement.sku() != null && movement.occurredAt() != null) {
                return movement;
            }
            reason = "till sale without reference, sku or occurredAt";
        } catch (JsonProcessingException e) {
            reason = e.getOriginalMessage();
        }
        skip(reason);
        return null;
    }

    private void skip(String reason) {
        unreadable.run();
        context.recordMetadata().ifPresentOrElse(
                at -> log.warn("stock movement at {}-{} offset {} skipped, not readable: {}", at.topic(), at.partition(), at.offset(), reason),
                () -> log.warn("stock movement skipped, not readable: {}", reason));
    }
}
