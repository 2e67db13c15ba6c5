package org.retailhub.routes.consistency;

import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.retailhub.domain.consistency.ChangePropagation;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.consistency.KeyCrossReference;
import org.retailhub.domain.shared.RefusedInputException;
import org.retailhub.legacy.erp.ErpIdoc;
import org.retailhub.legacy.pos.EndOfDayLine;
import org.retailhub.legacy.pos.EndOfDayLog;
import org.retailhub.legacy.pos.PosIsland;
import org.springframework.stereotype.Component;

/**
 * The islands' native files, beside CDC: the POS's end-of-day transaction log ({@code pos/eod-*.txt}, fixed width,
 * {@link EndOfDayLog}) brings sales the CDC stream may have missed (tills that were offline) and is absorbed where it
 * did not; the ERP's IDoc-like XML ({@code erp/*.xml}: MATMAS, COND_A, LOISTD) states master data the ERP owns.
 * Each line or document is first read on its own (whatever that throws refuses it), then mapped through the key
 * cross-reference and applied; {@link IslandFileDeadLetters} decides what a failure means.
 */
@Component
public class IslandFileRoutes extends RouteBuilder {

    private final ConsistencyProperties properties;
    private final ChangePropagation propagation;
    private final PosIsland pos;
    private final ErpIdoc idocs;

    public IslandFileRoutes(ConsistencyProperties properties, ChangePropagation propagation, PosIsland pos, KeyCrossReference keys) {
        this.properties = properties;
        this.propagation = propagation;
        this.pos = pos;
        this.idocs = new ErpIdoc(keys);
    }

    @Override
    public void configure() {
        EndOfDayLog endOfDay = new EndOfDayLog(getContext());

        // each line and each document is read and applied in one step: a refused one is set aside and the file goes
        // on after that step (see IslandFileDeadLetters)
        from(inbox("pos", "eod-.*\\.txt")).routeId("pos-end-of-day").routeConfigurationId(IslandFileDeadLetters.ID)
                .setProperty(IslandFileDeadLetters.ISLAND, constant(Island.POS))
                // decoded here, leniently: bytes that are not UTF-8 make their line unreadable, not the whole file
                .process(exchange -> exchange.getMessage().setBody(
                        new String(exchange.getMessage().getBody(byte[].class), StandardCharsets.UTF_8)))
                .split(body().tokenize("\n")).streaming().stopOnException()
                    .process(exchange -> exchange.setProperty(IslandFileDeadLetters.LINE_NUMBER,
                            exchange.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class) + 1L))
                    .filter(exchange -> !EndOfDayLog.isBlank(exchange.getMessage().getBody(String.class)))
                        .setProperty(IslandFileDeadLetters.RAW_TEXT, body())
                        .process(exchange -> sell(endOfDay, exchange))
                    .end()
                .end();

        from(inbox("erp", ".*\\.xml")).routeId("erp-idoc").routeConfigurationId(IslandFileDeadLetters.ID)
                .setProperty(IslandFileDeadLetters.ISLAND, constant(Island.ERP))
                .process(exchange -> exchange.setProperty(IslandFileDeadLetters.RAW_TEXT,
                        new String(exchange.getMessage().getBody(byte[].class), StandardCharsets.UTF_8)))
                .process(this::state);
    }

    /** A folder of the inbox; a file read to its end moves to {@code .done}, one that failed stays to be read again. */
    private String inbox(String folder, String include) {
        return "file:" + properties.inbox() + "/" + folder + "?include=" + include + "&move=.done&readLock=changed&readLockMinAge="
                + properties.fileSettleTime().toMillis();
    }

    /**
     * A dead-lettered line or document of {@code file} read and applied again through the same rules, after its cause
     * was fixed (e.g. the article's key arrived); returns what became of it. Throws as the file route would.
     *
     * @throws IllegalArgumentException when {@code file} is no file of the islands' inbox
     */
    public String readAgain(Island island, String file, String text) {
        if (island == Island.POS && file.matches("eod-.*\\.txt")) {
            return "end-of-day line: " + sell(new EndOfDayLog(getContext()), text);
        }
        if (island == Island.ERP && file.endsWith(".xml")) {
            return "ERP IDoc " + state(text.getBytes(StandardCharsets.UTF_8)) + " applied";
        }
        throw new IllegalArgumentException(island + " " + file + " is no file of the islands' inbox");
    }

    private void sell(EndOfDayLog endOfDay, Exchange exchange) {
        sell(endOfDay, exchange.getMessage().getBody(String.class));
    }

    /** One line of the end-of-day log: read on its own (whatever that throws refuses it), mapped, sold. */
    private ChangePropagation.Outcome sell(EndOfDayLog endOfDay, String text) {
        EndOfDayLine line = RefusedInputException.whileReading("end-of-day line", () -> endOfDay.line(text));
        return propagation.sell(pos.sale(line));
    }

    private void state(Exchange exchange) {
        state(exchange.getMessage().getBody(byte[].class));
    }

    /** One IDoc: read on its own (whatever that throws refuses it), mapped, stated; returns its number. */
    private String state(byte[] document) {
        ErpIdoc.Document idoc = RefusedInputException.whileReading("ERP IDoc", () -> ErpIdoc.parse(document));
        idocs.records(idoc).forEach(record -> propagation.applyStatement(record, Island.ERP));
        log.info("ERP IDoc {} applied", idoc.number());
        return idoc.number();
    }
}
