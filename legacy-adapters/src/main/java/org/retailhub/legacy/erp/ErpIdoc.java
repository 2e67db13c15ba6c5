package org.retailhub.legacy.erp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.retailhub.domain.consistency.CanonicalRecord;
import org.retailhub.domain.consistency.CanonicalRecord.Article;
import org.retailhub.domain.consistency.CanonicalRecord.Price;
import org.retailhub.domain.consistency.CanonicalRecord.Stock;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.consistency.KeyCrossReference;
import org.retailhub.domain.consistency.KeyCrossReference.Subject;
import org.retailhub.domain.consistency.UndecodableChangeException;

/**
 * The ERP's outbound documents, IDoc-like XML as its ALE layer sends them: {@code MATMAS} (article master),
 * {@code COND_A} (sales price per price unit) and {@code LOISTD} (stock per plant), each with its control record.
 * <pre>
 * &lt;IDOC&gt;&lt;EDI_DC40&gt;&lt;DOCNUM&gt;0000000000004711&lt;/DOCNUM&gt;&lt;MESTYP&gt;COND_A&lt;/MESTYP&gt;&lt;/EDI_DC40&gt;
 *   &lt;E1KOMG&gt;&lt;MATNR&gt;000000000000100005&lt;/MATNR&gt;&lt;E1KONP&gt;&lt;KBETR&gt;129.90&lt;/KBETR&gt;&lt;KPEIN&gt;10&lt;/KPEIN&gt;&lt;KONWA&gt;EUR&lt;/KONWA&gt;&lt;/E1KONP&gt;&lt;/E1KOMG&gt;
 * &lt;/IDOC&gt;
 * </pre>
 */
public final class ErpIdoc {

    private static final XmlMapper XML = new XmlMapper();

    private final KeyCrossReference keys;

    public ErpIdoc(KeyCrossReference keys) {
        this.keys = keys;
    }

    /** The document number of the control record, for logs and dead letters. */
    public static String documentNumber(byte[] idoc) {
        try {
            return XML.readTree(idoc).path("EDI_DC40").path("DOCNUM").asText("?");
        } catch (IOException e) {
            return "?";
        }
    }

    /** The canonical records the document states; throws {@link UndecodableChangeException} for what it cannot map. */
    public List<CanonicalRecord> read(byte[] idoc) {
        JsonNode doc;
        try {
            doc = XML.readTree(idoc);
        } catch (IOException e) {
            throw new UndecodableChangeException("ERP IDoc is not well-formed XML: " + e.getMessage());
        }
        String type = doc.path("EDI_DC40").path("MESTYP").asText();
        List<CanonicalRecord> records = new ArrayList<>();
        switch (type) {
            case "MATMAS" -> segments(doc, "E1MARAM").forEach(m -> records.add(new Article(sku(m),
                    text(m.path("E1MAKTM"), "MAKTX"), ErpIsland.category(text(m, "MATKL")))));
            case "COND_A" -> segments(doc, "E1KOMG").forEach(c -> {
                JsonNode amount = c.path("E1KONP");
                if (!"EUR".equals(text(amount, "KONWA"))) {
                    throw new UndecodableChangeException("ERP IDoc price of " + text(c, "MATNR") + " not in EUR");
                }
                records.add(new Price(sku(c), new BigDecimal(text(amount, "KBETR"))
                        .divide(new BigDecimal(amount.path("KPEIN").asText("1")), 2, RoundingMode.HALF_UP)));
            });
            case "LOISTD" -> segments(doc, "E1MARDM").forEach(s -> records.add(new Stock(
                    keys.require(Subject.STORE, Island.ERP, text(s, "WERKS")), sku(s),
                    new BigDecimal(text(s, "LABST")).setScale(0, RoundingMode.DOWN).intValueExact())));
            default -> throw new UndecodableChangeException("ERP IDoc message type '" + type + "' is not one the hub reads");
        }
        return records;
    }

    private String sku(JsonNode segment) {
        return keys.require(Subject.ARTICLE, Island.ERP, text(segment, "MATNR"));
    }

    private static List<JsonNode> segments(JsonNode doc, String name) {
        JsonNode found = doc.path(name);
        List<JsonNode> all = new ArrayList<>();
        if (found.isArray()) {
            found.forEach(all::add);
        } else if (!found.isMissingNode()) {
            all.add(found);
        }
        return all;
    }

    private static String text(JsonNode segment, String field) {
        String value = segment.path(field).asText(null);
        if (value == null || value.isBlank()) {
            throw new UndecodableChangeException("ERP IDoc segment lacks " + field);
        }
        return value.strip();
    }
}
