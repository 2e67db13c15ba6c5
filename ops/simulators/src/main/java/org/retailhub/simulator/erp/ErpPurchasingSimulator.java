package org.retailhub.simulator.erp;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.retailhub.simulator.Simulator;
import org.retailhub.simulator.SimulatorServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The ERP's IDoc inbound for purchasing and its warehouse, served from the ERP island's own database:
 * <ul>
 *   <li>{@code POST /erp/idocs} with an {@code ORDERS05} IDoc creates the purchase order ({@code ekko}/{@code ekpo})
 *       after the ERP's checks (vendor exists and is not blocked for purchasing, every material has a purchasing info
 *       record for the plant with that vendor, quantities in whole rounding quantities and at least the minimum
 *       order); the sender's order number ({@code BELNR}, kept as {@code ihrez}) makes it once, however often it
 *       comes. {@code ORDCHG} with header action 003 deletes the open items of an order. The answer is an
 *       {@code ALEAUD} status: 53 posted (the order number in {@code STAPA1}) or 51 with the reason.</li>
 *   <li>The warehouse posts the goods receipt of every open item {@code deliveryAfter} after its order (0: never),
 *       as the ERP's clerks would: a material document in {@code ekbe}, the item completed, the stock in {@code mard}.</li>
 * </ul>
 */
public final class ErpPurchasingSimulator implements Simulator {

    private static final Logger log = LoggerFactory.getLogger(ErpPurchasingSimulator.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcTemplate erp;
    private final TransactionTemplate transactions;
    private final SimulatorServer server;
    private final ScheduledExecutorService warehouse;

    private ErpPurchasingSimulator(int port, JdbcTemplate erp, Duration deliveryAfter) {
        this.erp = erp;
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(erp.getDataSource()));
        this.server = SimulatorServer.start("erp-purchasing", port, 8, Map.of("/erp/idocs", this::handle));
        this.warehouse = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "erp-warehouse");
            thread.setDaemon(true);
            return thread;
        });
        if (!deliveryAfter.isZero() && !deliveryAfter.isNegative()) {
            warehouse.scheduleWithFixedDelay(() -> receiveDue(deliveryAfter), 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Serves the ERP database {@code erp} on {@code port} (0: any free port); goods arrive {@code deliveryAfter} after their order (0: never). */
    public static ErpPurchasingSimulator start(int port, JdbcTemplate erp, Duration deliveryAfter) {
        return new ErpPurchasingSimulator(port, erp, deliveryAfter);
    }

    @Override
    public URI baseUrl() {
        return server.baseUrl();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String reference = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (!"POST".equals(exchange.getRequestMethod()) || reference == null) {
                SimulatorServer.send(exchange, 400, "text/plain", "POST an IDoc with an Idempotency-Key".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Document idoc;
            try {
                idoc = parse(exchange.getRequestBody().readAllBytes());
            } catch (SAXException | ParserConfigurationException e) {
                SimulatorServer.send(exchange, 400, "text/plain", ("not an IDoc: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
                return;
            }
            String[] status;
            try {
                status = switch (text(idoc.getDocumentElement(), "MESTYP")) {
                    case "ORDERS" -> transactions.execute(tx -> place(idoc.getDocumentElement()));
                    case "ORDCHG" -> transactions.execute(tx -> cancelOpen(idoc.getDocumentElement()));
                    default -> new String[] {"51", "message type " + text(idoc.getDocumentElement(), "MESTYP") + " is not processed", ""};
                };
            } catch (Refusal refusal) {
                status = new String[] {"51", refusal.getMessage(), ""};
            }
            SimulatorServer.send(exchange, 200, "application/xml", aleaud(status).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** An order the ERP's checks refuse; the message is the ERP's. */
    private static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message);
        }
    }

    private String[] place(Element idoc) {
        String reference = text(first(idoc, "E1EDK01"), "BELNR");
        List<String> existing = erp.queryForList("select ebeln from ekko where ihrez = ?", String.class, reference);
        if (!existing.isEmpty()) {
            return new String[] {"53", "purchase order " + existing.get(0) + " already posted for " + reference, existing.get(0)};
        }
        String vendor = partner(idoc, "LF");
        String plant = partner(idoc, "WE");
        List<String> blocked = erp.queryForList("select coalesce(sperm, '') from lfa1 where lifnr = ?", String.class, vendor);
        if (blocked.isEmpty()) {
            throw new Refusal("vendor " + vendor + " does not exist");
        }
        if ("X".equals(blocked.get(0))) {
            throw new Refusal("vendor " + vendor + " is blocked for purchasing");
        }
        String ebeln = erp.queryForObject("select nextval('ebeln_seq')::text", String.class);
        erp.update("insert into ekko (ebeln, lifnr, werks, bedat, ihrez, ernam) values (?, ?, ?, current_date, ?, ?)",
                ebeln, vendor, plant, reference, text(first(idoc, "EDI_DC40"), "SNDPRN"));
        NodeList items = idoc.getElementsByTagName("E1EDP01");
        for (int i = 0; i < items.getLength(); i++) {
            item(ebeln, vendor, plant, (Element) items.item(i));
        }
        return new String[] {"53", "purchase order " + ebeln + " created", ebeln};
    }

    private void item(String ebeln, String vendor, String plant, Element item) {
        int position = Integer.parseInt(text(item, "POSEX"));
        String material = text(first(item, "E1EDP19"), "IDTNR");
        BigDecimal quantity = new BigDecimal(text(item, "MENGE"));
        List<Map<String, Object>> record = erp.queryForList("select e.bstrg, e.minbm from eine e join mara m using (matnr) "
                + "where e.matnr = ? and e.werks = ? and e.lifnr = ? and m.lvorm is null", material, plant, vendor);
        if (record.isEmpty()) {
            throw new Refusal("item " + position + ": no purchasing info record for material " + material + " in plant " + plant
                    + " with vendor " + vendor);
        }
        BigDecimal rounding = (BigDecimal) record.get(0).get("bstrg");
        BigDecimal minimum = (BigDecimal) record.get(0).get("minbm");
        if (quantity.signum() <= 0 || quantity.remainder(rounding).signum() != 0) {
            throw new Refusal("item " + position + ": quantity " + quantity.toPlainString() + " is not a multiple of the rounding quantity "
                    + rounding.stripTrailingZeros().toPlainString());
        }
        if (quantity.compareTo(minimum) < 0) {
            throw new Refusal("item " + position + ": quantity " + quantity.toPlainString() + " is below the minimum order quantity "
                    + minimum.stripTrailingZeros().toPlainString());
        }
        erp.update("insert into ekpo (ebeln, ebelp, matnr, menge, netpr, eindt, aenam) values (?, ?, ?, ?, ?, ?, 'RETAILHUB')",
                ebeln, position, material, quantity, new BigDecimal(text(item, "VPREI")),
                LocalDate.parse(text(first(item, "E1EDP20"), "EDATU"), DATE));
    }

    private String[] cancelOpen(Element idoc) {
        if (!"003".equals(text(first(idoc, "E1EDK01"), "ACTION"))) {
            throw new Refusal("order change without header action 003 (delete) is not processed");
        }
        String ebeln = text(first(idoc, "E1EDK02"), "BELNR");
        if (erp.queryForList("select ebeln from ekko where ebeln = ?", String.class, ebeln).isEmpty()) {
            throw new Refusal("purchase order " + ebeln + " does not exist");
        }
        int deleted = erp.update("update ekpo set loekz = 'L', aenam = 'RETAILHUB', laeda = localtimestamp "
                + "where ebeln = ? and loekz is null and elikz is null", ebeln);
        return new String[] {"53", deleted + " open items of purchase order " + ebeln + " deleted", ebeln};
    }

    /** The warehouse: every open item whose order is older than {@code deliveryAfter} arrives in full. */
    private void receiveDue(Duration deliveryAfter) {
        try {
            List<Map<String, Object>> due = erp.queryForList("""
                    select p.ebeln, p.ebelp, p.matnr, k.werks,
                           p.menge - coalesce((select sum(b.menge) from ekbe b where b.ebeln = p.ebeln and b.ebelp = p.ebelp and b.bwart = '101'), 0) as open
                      from ekpo p join ekko k using (ebeln)
                     where p.loekz is null and p.elikz is null and k.erdat <= localtimestamp - make_interval(secs => ?)""",
                    (double) deliveryAfter.toMillis() / 1000);
            for (Map<String, Object> item : due) {
                transactions.executeWithoutResult(tx -> receive(item));
            }
        } catch (RuntimeException e) {
            log.warn("ERP warehouse could not post goods receipts: {}", e.getMessage());
        }
    }

    private void receive(Map<String, Object> item) {
        BigDecimal open = (BigDecimal) item.get("open");
        if (open.signum() > 0) {
            erp.update("insert into ekbe (belnr, buzei, ebeln, ebelp, bwart, menge, ernam) values (nextval('belnr_seq')::text, 1, ?, ?, '101', ?, 'WMS')",
                    item.get("ebeln"), item.get("ebelp"), open);
            erp.update("update mard set labst = labst + ?, aenam = 'WMS', laeda = localtimestamp where matnr = ? and werks = ?",
                    open, item.get("matnr"), item.get("werks"));
        }
        erp.update("update ekpo set elikz = 'X', aenam = 'WMS', laeda = localtimestamp where ebeln = ? and ebelp = ?", item.get("ebeln"),
                item.get("ebelp"));
    }

    private static Document parse(byte[] xml) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String partner(Element idoc, String role) {
        NodeList partners = idoc.getElementsByTagName("E1EDKA1");
        for (int i = 0; i < partners.getLength(); i++) {
            Element partner = (Element) partners.item(i);
            if (role.equals(text(partner, "PARVW"))) {
                return text(partner, "PARTN");
            }
        }
        throw new Refusal("the IDoc names no partner " + role);
    }

    private static Element first(Element parent, String segment) {
        NodeList found = parent.getElementsByTagName(segment);
        if (found.getLength() == 0) {
            throw new Refusal("the IDoc lacks segment " + segment);
        }
        return (Element) found.item(0);
    }

    private static String text(Element segment, String field) {
        NodeList found = segment.getElementsByTagName(field);
        if (found.getLength() == 0 || found.item(0).getTextContent().isBlank()) {
            throw new Refusal("segment " + segment.getTagName() + " lacks " + field);
        }
        return found.item(0).getTextContent().strip();
    }

    private static String aleaud(String[] status) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ALEAUD01><E1ADHDR><MESTYP_LNG>ORDERS</MESTYP_LNG><E1STATE>"
                + "<STATUS>" + status[0] + "</STATUS><STATXT>" + escape(status[1]) + "</STATXT><STAPA1>" + escape(status[2])
                + "</STAPA1></E1STATE></E1ADHDR></ALEAUD01>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        warehouse.shutdownNow();
        server.close();
    }
}
