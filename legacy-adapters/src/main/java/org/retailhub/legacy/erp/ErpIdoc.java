package org.retailhub.legacy.erp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
 * Read in two steps: {@link #parse} checks the document on its own (structure, codes, numbers within what the hub
 * stores), {@link #records} then looks its ERP keys up in the cross-reference.
 */
public final class ErpIdoc {

    private static final XmlMapper XML = new XmlMapper();
    private static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final int MAX_TEXT = 120;
    private static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");

    /** One statement of a document, in the ERP's keys: a material's text and group, its price per piece, a plant's stock. */
    public sealed interface Statement {
        String matnr();
    }

    public record MaterialText(String matnr, String text, String category) implements Statement {
    }

    public record PricePerPiece(String matnr, BigDecimal perPiece) implements Statement {
    }

    public record PlantStock(String werks, String matnr, int quantity) implements Statement {
    }

    /** A document the hub understood, not yet mapped to its keys. */
    public record Document(String number, String type, List<Statement> statements) {
    }

    private final KeyCrossReference keys;

    public ErpIdoc(KeyCrossReference keys) {
        this.keys = keys;
    }

    /** The document number of the control record, for logs and dead letters. */
    public static String documentNumber(byte[] idoc) {
        try {
            return XML.readTree(idoc).path("EDI_DC40").path("DOCNUM").asText("?");
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** The canonical records the document states; throws {@link UndecodableChangeException} for what it cannot map. */
    public List<CanonicalRecord> read(byte[] idoc) {
        return records(parse(idoc));
    }

    /** Reads a document without looking anything up; throws {@link UndecodableChangeException} for what it cannot read. */
    public static Document parse(byte[] idoc) {
        if (idoc == null || idoc.length == 0 || idoc.length > MAX_BYTES) {
            throw new UndecodableChangeException("ERP IDoc is empty or larger than " + MAX_BYTES + " bytes");
        }
        JsonNode doc;
        try {
            doc = XML.readTree(idoc);
        } catch (IOException e) {
            throw new UndecodableChangeException("ERP IDoc is not well-formed XML: " + e.getMessage());
        }
        if (doc == null || !doc.isObject()) {
            throw new UndecodableChangeException("ERP IDoc has no control record");
        }
        String type = doc.path("EDI_DC40").path("MESTYP").asText();
        List<Statement> statements = switch (type) {
            case "MATMAS" -> segments(doc, "E1MARAM", m -> new MaterialText(text(m, "MATNR"), name(m), ErpIsland.category(text(m, "MATKL"))));
            case "COND_A" -> segments(doc, "E1KOMG", ErpIdoc::price);
            case "LOISTD" -> segments(doc, "E1MARDM", s -> new PlantStock(text(s, "WERKS"), text(s, "MATNR"), quantity(s)));
            default -> throw new UndecodableChangeException("ERP IDoc message type '" + abbreviate(type) + "' is not one the hub reads");
        };
        return new Document(doc.path("EDI_DC40").path("DOCNUM").asText("?"), type, statements);
    }

    /** The document's statements in the hub's keys; an ERP key without a cross-reference is refused. */
    public List<CanonicalRecord> records(Document document) {
        List<CanonicalRecord> records = new ArrayList<>();
        for (Statement statement : document.statements()) {
            String sku = keys.require(Subject.ARTICLE, Island.ERP, statement.matnr());
            if (statement instanceof MaterialText m) {
                records.add(new Article(sku, m.text(), m.category()));
            } else if (statement instanceof PricePerPiece p) {
                records.add(new Price(sku, p.perPiece()));
            } else if (statement instanceof PlantStock s) {
                records.add(new Stock(keys.require(Subject.STORE, Island.ERP, s.werks()), sku, s.quantity()));
            }
        }
        return records;
    }

    private static PricePerPiece price(JsonNode condition) {
        JsonNode amount = condition.path("E1KONP");
        String matnr = text(condition, "MATNR");
        if (!"EUR".equals(text(amount, "KONWA"))) {
            throw new UndecodableChangeException("ERP IDoc price of " + matnr + " not in EUR");
        }
        BigDecimal unit = number(amount.path("KPEIN").asText("1"), "KPEIN");
        BigDecimal price = number(text(amount, "KBETR"), "KBETR");
        if (unit.signum() <= 0 || price.signum() < 0) {
            throw new UndecodableChangeException("ERP IDoc price of " + matnr + ": KBETR must not be negative and KPEIN must be positive");
        }
        BigDecimal perPiece = price.divide(unit, 2, RoundingMode.HALF_UP);
        if (perPiece.compareTo(MAX_PRICE) > 0) {
            throw new UndecodableChangeException("ERP IDoc price of " + matnr + " exceeds " + MAX_PRICE);
        }
        return new PricePerPiece(matnr, perPiece);
    }

    private static int quantity(JsonNode stock) {
        BigDecimal labst = number(text(stock, "LABST"), "LABST").setScale(0, RoundingMode.DOWN);
        if (labst.signum() < 0 || labst.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new UndecodableChangeException("ERP IDoc stock LABST " + abbreviate(labst.toPlainString()) + " is not a stock the hub can hold");
        }
        return labst.intValue();
    }

    private static String name(JsonNode material) {
        String text = text(material.path("E1MAKTM"), "MAKTX");
        if (text.length() > MAX_TEXT) {
            throw new UndecodableChangeException("ERP IDoc MAKTX longer than " + MAX_TEXT + " characters");
        }
        return text;
    }

    private static List<Statement> segments(JsonNode doc, String name, Function<JsonNode, Statement> statement) {
        JsonNode found = doc.path(name);
        List<Statement> all = new ArrayList<>();
        if (found.isArray()) {
            found.forEach(segment -> all.add(statement.apply(segment)));
        } else if (!found.isMissingNode()) {
            all.add(statement.apply(found));
        }
        return all;
    }

    private static BigDecimal number(String value, String field) {
        if (value.length() > 20) {
            throw new UndecodableChangeException("ERP IDoc " + field + " is not a number the hub reads");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new UndecodableChangeException("ERP IDoc " + field + " '" + abbreviate(value) + "' is not a number");
        }
        if (Math.abs(number.scale()) > 20) {
            throw new UndecodableChangeException("ERP IDoc " + field + " '" + abbreviate(value) + "' is out of range");
        }
        return number;
    }

    private static String text(JsonNode segment, String field) {
        JsonNode node = segment.path(field);
        String value = node.isValueNode() ? node.asText() : null;
        if (value == null || value.isBlank()) {
            throw new UndecodableChangeException("ERP IDoc segment lacks " + field);
        }
        return value.strip();
    }

    private static String abbreviate(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "...";
    }
}
