package org.retailhub.legacy.pos;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.order.InvalidOrderException;
import org.retailhub.domain.shared.LoyaltyTier;
import org.retailhub.domain.order.OrderLineRequest;
import org.retailhub.domain.order.OrderRequest;

/**
 * The POS till's sale record, as the tills send it to topic {@code orders.pos}: semicolon-separated records,
 * one per line, header first, trailer last with the number of item records as a checksum.
 * <pre>
 * HDR;STORE-001;TILL-03;000123;20261125101500;GOLD
 * ITM;1;SKU-0001;2
 * ITM;2;SKU-0007;1
 * TRL;2
 * </pre>
 * The till, the store and the receipt number together identify the sale: that is the order's external id.
 */
public final class PosSaleFormat {

    private static final Pattern SEPARATOR = Pattern.compile(";", Pattern.LITERAL);
    private static final int MAX_BYTES = 64 * 1024;

    private PosSaleFormat() {
    }

    public static OrderRequest parse(byte[] message) {
        if (message == null || message.length == 0) {
            throw new InvalidOrderException(null, "empty POS sale record");
        }
        if (message.length > MAX_BYTES) {
            throw new InvalidOrderException(null, "POS sale record larger than " + MAX_BYTES + " bytes");
        }
        String text = new String(message, StandardCharsets.UTF_8);
        // a byte order mark some till servers write; line ends may be LF or CRLF
        String[] records = (text.startsWith("\uFEFF") ? text.substring(1) : text).strip().split("\\R");
        String[] header = fields(records[0], "HDR", 6, 1, null);
        String externalId = header[1] + "-" + header[2] + "-" + header[3];
        List<OrderLineRequest> lines = new ArrayList<>();
        for (int i = 1; i < records.length - 1; i++) {
            String[] item = fields(records[i], "ITM", 4, i + 1, externalId);
            lines.add(new OrderLineRequest(item[2], number(item[3], "quantity", i + 1, externalId)));
        }
        String[] trailer = fields(records[records.length - 1], "TRL", 2, records.length, externalId);
        int declared = number(trailer[1], "item count", records.length, externalId);
        if (declared != lines.size()) {
            throw new InvalidOrderException(externalId,
                    "POS trailer declares " + declared + " items but the record holds " + lines.size());
        }
        return new OrderRequest(Channel.POS, externalId, header[1], tier(header[5], externalId), false, null, null, lines);
    }

    /** Writes a sale in the till's format (used by the till simulator and the demo). */
    public static byte[] format(String storeId, String till, String receipt, String timestamp, LoyaltyTier tier,
                                List<OrderLineRequest> lines) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(";", "HDR", storeId, till, receipt, timestamp, tier.name())).append('\n');
        for (int i = 0; i < lines.size(); i++) {
            out.append(String.join(";", "ITM", String.valueOf(i + 1), lines.get(i).sku(),
                    String.valueOf(lines.get(i).quantity()))).append('\n');
        }
        out.append("TRL;").append(lines.size()).append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String[] fields(String record, String type, int count, int lineNo, String externalId) {
        String[] fields = SEPARATOR.split(record.strip(), -1);
        if (!fields[0].equals(type)) {
            throw new InvalidOrderException(externalId, "POS record " + lineNo + ": expected " + type + " but found '" + abbreviate(fields[0]) + "'");
        }
        if (fields.length != count) {
            throw new InvalidOrderException(externalId, "POS record " + lineNo + " (" + type + "): expected " + count + " fields, found " + fields.length);
        }
        return fields;
    }

    private static int number(String value, String what, int lineNo, String externalId) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidOrderException(externalId, "POS record " + lineNo + ": " + what + " '" + abbreviate(value) + "' is not a number");
        }
    }

    private static LoyaltyTier tier(String value, String externalId) {
        if (value.isBlank()) {
            return LoyaltyTier.NONE;
        }
        try {
            return LoyaltyTier.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidOrderException(externalId, "POS header: unknown loyalty tier '" + abbreviate(value) + "'");
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "...";
    }
}
