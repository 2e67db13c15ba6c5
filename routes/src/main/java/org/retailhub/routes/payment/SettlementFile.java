package org.retailhub.routes.payment;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.retailhub.domain.payment.SettlementLine;
import org.retailhub.domain.payment.SettlementMismatch;
import org.retailhub.domain.shared.RefusedInputException;

/**
 * The provider's daily settlement CSV ({@code payment_id,reference,type,amount,currency}, header first), read line by
 * line: a line the hub cannot read becomes an UNREADABLE mismatch with the reason and the line, and the other lines
 * are reconciled. A file whose header is not that one is refused whole. A byte order mark and CRLF line ends are fine.
 */
public final class SettlementFile {

    static final List<String> HEADER = List.of("payment_id", "reference", "type", "amount", "currency");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    /** What the file says: the lines read and those that could not be. */
    public record Reading(List<SettlementLine> lines, List<SettlementMismatch> unreadable) {
    }

    private SettlementFile() {
    }

    public static Reading read(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        List<CSVRecord> records;
        try {
            records = CSVFormat.RFC4180.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text)).getRecords();
        } catch (IOException | RuntimeException e) {
            throw new RefusedInputException("settlement file is not CSV: " + e.getMessage(), e);
        }
        if (records.isEmpty() || !records.get(0).toList().equals(HEADER)) {
            throw new RefusedInputException("settlement file must start with the header " + String.join(",", HEADER));
        }
        List<SettlementLine> lines = new ArrayList<>();
        List<SettlementMismatch> unreadable = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            try {
                lines.add(RefusedInputException.whileReading("settlement line", () -> line(record.toList())));
            } catch (RefusedInputException refused) {
                unreadable.add(SettlementMismatch.unreadable(record.getRecordNumber(), refused.getMessage(), String.join(",", record.toList())));
            }
        }
        return new Reading(lines, unreadable);
    }

    private static SettlementLine line(List<String> fields) {
        if (fields.size() != HEADER.size()) {
            throw new RefusedInputException("expected " + HEADER.size() + " fields, found " + fields.size());
        }
        return new SettlementLine(code(fields.get(0), "payment_id"), code(fields.get(1), "reference"), code(fields.get(2), "type"),
                amount(fields.get(3)), currency(fields.get(4)));
    }

    private static String code(String value, String field) {
        if (!CODE.matcher(value).matches()) {
            throw new RefusedInputException(field + " must be 1-64 characters A-Z, a-z, 0-9, '.', '_', ':' or '-'");
        }
        return value;
    }

    private static BigDecimal amount(String value) {
        BigDecimal amount;
        try {
            amount = value.length() > 20 ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            amount = null;
        }
        if (amount == null || amount.scale() > 2 || amount.abs().compareTo(MAX_AMOUNT) > 0) {
            throw new RefusedInputException("amount must be a number with at most 2 decimals below 10 billion");
        }
        return amount;
    }

    private static String currency(String value) {
        if (!CURRENCY.matcher(value).matches()) {
            throw new RefusedInputException("currency must be a 3-letter ISO code");
        }
        return value;
    }
}
