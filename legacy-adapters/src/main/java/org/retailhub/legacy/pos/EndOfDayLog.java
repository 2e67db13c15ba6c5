package org.retailhub.legacy.pos;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.dataformat.bindy.fixed.BindyFixedLengthDataFormat;
import org.apache.camel.support.DefaultExchange;
import org.retailhub.domain.consistency.UndecodableChangeException;

/**
 * Reads the POS end-of-day transaction log line by line ({@link EndOfDayLine}, fixed width through Bindy). Strict: a
 * line is 43 digits (a Windows line end and a leading byte order mark are dropped), the quantity is positive and the
 * business day a real date; anything else is refused with the reason.
 */
public final class EndOfDayLog {

    private static final Pattern LINE = Pattern.compile("[0-9]{43}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private final CamelContext camel;
    private final BindyFixedLengthDataFormat bindy = new BindyFixedLengthDataFormat(EndOfDayLine.class);

    public EndOfDayLog(CamelContext camel) {
        this.camel = camel;
        bindy.setCamelContext(camel);
        bindy.start();
    }

    /** True for what the log holds between lines: nothing but blanks, a carriage return or a byte order mark. */
    public static boolean isBlank(String text) {
        return cleaned(text).isBlank();
    }

    /** One line of the log; throws {@link UndecodableChangeException} with the reason for any other text. */
    public EndOfDayLine line(String text) {
        String line = cleaned(text);
        if (!LINE.matcher(line).matches()) {
            throw new UndecodableChangeException("end-of-day line must be 43 digits, found " + line.length() + " characters"
                    + (line.chars().allMatch(c -> c >= '0' && c <= '9') ? "" : " with other than digits"));
        }
        EndOfDayLine parsed;
        try {
            Object body = bindy.unmarshal(new DefaultExchange(camel), new ByteArrayInputStream(line.getBytes(StandardCharsets.US_ASCII)));
            parsed = (EndOfDayLine) (body instanceof List<?> list ? list.get(0) : body);
        } catch (Exception e) {
            throw new UndecodableChangeException("end-of-day line cannot be read: " + e.getMessage());
        }
        if (parsed.quantity() <= 0) {
            throw new UndecodableChangeException("end-of-day line " + parsed.line() + " of receipt " + parsed.receipt() + ": quantity 0");
        }
        try {
            LocalDate.parse(parsed.businessDay(), DAY);
        } catch (DateTimeParseException e) {
            throw new UndecodableChangeException("end-of-day line " + parsed.line() + " of receipt " + parsed.receipt()
                    + ": business day " + parsed.businessDay() + " is not a date");
        }
        return parsed;
    }

    private static String cleaned(String text) {
        String line = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
