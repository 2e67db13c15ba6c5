package org.retailhub.legacy.erp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.consistency.KeyCrossReference;
import org.retailhub.domain.consistency.KeyCrossReference.Subject;
import org.retailhub.domain.consistency.UndecodableChangeException;
import org.retailhub.domain.replenishment.ErpPurchasing.ErpAnswer;
import org.retailhub.domain.replenishment.PurchaseOrder;

/**
 * Purchase orders in the ERP's own format: an {@code ORDERS05} IDoc to place one, an {@code ORDCHG} IDoc (header
 * action 003) to cancel what is still open of it, and the ERP's {@code ALEAUD} status answer (53: posted, with the
 * ERP's order number; 51: refused, with its message).
 * <pre>
 * &lt;ORDERS05&gt;&lt;IDOC BEGIN="1"&gt;&lt;EDI_DC40&gt;…&lt;MESTYP&gt;ORDERS&lt;/MESTYP&gt;…&lt;/EDI_DC40&gt;
 *   &lt;E1EDK01&gt;&lt;CURCY&gt;EUR&lt;/CURCY&gt;&lt;BELNR&gt;PO-STORE-001-20261130-1-101&lt;/BELNR&gt;&lt;/E1EDK01&gt;
 *   &lt;E1EDKA1&gt;&lt;PARVW&gt;LF&lt;/PARVW&gt;&lt;PARTN&gt;0000000101&lt;/PARTN&gt;&lt;/E1EDKA1&gt;  (vendor; WE: the plant)
 *   &lt;E1EDP01&gt;&lt;POSEX&gt;000010&lt;/POSEX&gt;&lt;MENGE&gt;24&lt;/MENGE&gt;&lt;MENEE&gt;ST&lt;/MENEE&gt;&lt;VPREI&gt;3.20&lt;/VPREI&gt;
 *     &lt;E1EDP19&gt;&lt;QUALF&gt;002&lt;/QUALF&gt;&lt;IDTNR&gt;000000000000100001&lt;/IDTNR&gt;&lt;/E1EDP19&gt;
 *     &lt;E1EDP20&gt;&lt;WMENG&gt;24&lt;/WMENG&gt;&lt;EDATU&gt;20261203&lt;/EDATU&gt;&lt;/E1EDP20&gt;&lt;/E1EDP01&gt;
 * &lt;/IDOC&gt;&lt;/ORDERS05&gt;
 * </pre>
 */
public final class ErpPurchaseOrderIdoc {

    /** The hub's partner name in the ERP's ALE set-up (sender of every IDoc). */
    public static final String SENDER = "RETAILHUB";
    private static final XmlMapper XML = new XmlMapper();
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final KeyCrossReference keys;

    public ErpPurchaseOrderIdoc(KeyCrossReference keys) {
        this.keys = keys;
    }

    /** The {@code ORDERS05} IDoc that places the order. */
    public byte[] orders(PurchaseOrder order) {
        return write("ORDERS", order, false);
    }

    /** The {@code ORDCHG} IDoc that cancels what is still open of the ERP's order. */
    public byte[] cancellation(PurchaseOrder order) {
        if (order.erpNumber() == null) {
            throw new IllegalArgumentException("purchase order " + order.poId() + " has no ERP number to cancel");
        }
        return write("ORDCHG", order, true);
    }

    private byte[] write(String messageType, PurchaseOrder order, boolean cancel) {
        String plant = keys.nativeKey(Subject.STORE, order.storeId(), Island.ERP).orElseThrow(() -> new UndecodableChangeException(
                "store " + order.storeId() + " has no ERP plant in the cross-reference"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(cancel ? "ORDCHG" : "ORDERS05");
            xml.writeStartElement("IDOC");
            xml.writeAttribute("BEGIN", "1");
            xml.writeStartElement("EDI_DC40");
            field(xml, "IDOCTYP", "ORDERS05");
            field(xml, "MESTYP", messageType);
            field(xml, "SNDPRN", SENDER);
            field(xml, "RCVPRN", "ERP");
            xml.writeEndElement();
            xml.writeStartElement("E1EDK01");
            if (cancel) {
                field(xml, "ACTION", "003");
            }
            field(xml, "CURCY", order.lines().isEmpty() ? "EUR" : order.lines().get(0).unitCost().currency().getCurrencyCode());
            field(xml, "BELNR", order.poId());
            xml.writeEndElement();
            partner(xml, "LF", order.supplier());
            partner(xml, "WE", plant);
            if (cancel) {
                xml.writeStartElement("E1EDK02");
                field(xml, "QUALF", "011");
                field(xml, "BELNR", order.erpNumber());
                xml.writeEndElement();
            } else {
                for (PurchaseOrder.Line line : order.lines()) {
                    item(xml, line, order);
                }
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the IDoc of " + order.poId(), e);
        }
        return bytes.toByteArray();
    }

    private void item(XMLStreamWriter xml, PurchaseOrder.Line line, PurchaseOrder order) throws XMLStreamException {
        xml.writeStartElement("E1EDP01");
        field(xml, "POSEX", String.format("%06d", line.lineNo()));
        field(xml, "MENGE", Integer.toString(line.quantity()));
        field(xml, "MENEE", "ST");
        field(xml, "VPREI", line.unitCost().amount().toPlainString());
        xml.writeStartElement("E1EDP19");
        field(xml, "QUALF", "002");
        field(xml, "IDTNR", keys.nativeKey(Subject.ARTICLE, line.sku(), Island.ERP).orElseThrow(() -> new UndecodableChangeException(
                "article " + line.sku() + " has no ERP material number in the cross-reference")));
        xml.writeEndElement();
        xml.writeStartElement("E1EDP20");
        field(xml, "WMENG", Integer.toString(line.quantity()));
        field(xml, "EDATU", order.dueDate().format(DATE));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void partner(XMLStreamWriter xml, String role, String number) throws XMLStreamException {
        xml.writeStartElement("E1EDKA1");
        field(xml, "PARVW", role);
        field(xml, "PARTN", number);
        xml.writeEndElement();
    }

    private static void field(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    /**
     * The ERP's {@code ALEAUD} answer: status 53 accepted (its order number in {@code STAPA1}), 51 refused (its reason in
     * {@code STATXT}). An answer that is neither is not one the hub can act on.
     */
    public static ErpAnswer answer(byte[] aleaud) {
        JsonNode state;
        try {
            state = XML.readTree(aleaud).path("E1ADHDR").path("E1STATE");
        } catch (IOException e) {
            throw new IllegalStateException("the ERP's IDoc status is not well-formed XML: " + e.getMessage(), e);
        }
        String status = state.path("STATUS").asText("");
        String text = state.path("STATXT").asText("");
        return switch (status) {
            case "53" -> new ErpAnswer(true, state.path("STAPA1").asText(null), text);
            case "51" -> new ErpAnswer(false, null, text.isBlank() ? "refused without a message (status 51)" : text);
            default -> throw new IllegalStateException("the ERP answered IDoc status '" + status + "', neither 53 (posted) nor 51 (error)");
        };
    }
}
