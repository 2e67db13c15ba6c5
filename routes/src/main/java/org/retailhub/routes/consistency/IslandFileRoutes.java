package org.retailhub.routes.consistency;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.dataformat.bindy.fixed.BindyFixedLengthDataFormat;
import org.retailhub.domain.consistency.ChangePropagation;
import org.retailhub.domain.consistency.DeadLetters;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.consistency.KeyCrossReference;
import org.retailhub.legacy.erp.ErpIdoc;
import org.retailhub.legacy.pos.EndOfDayLine;
import org.retailhub.legacy.pos.PosIsland;
import org.springframework.stereotype.Component;

/**
 * The islands' native files, beside CDC: the POS's end-of-day transaction log ({@code pos/eod-*.txt}, fixed width,
 * Bindy) brings sales the CDC stream may have missed (tills that were offline) and is absorbed where it did not;
 * the ERP's IDoc-like XML ({@code erp/*.xml}: MATMAS, COND_A, LOISTD) states master data the ERP owns.
 * A line or document that cannot be applied becomes a dead letter naming the file; the rest of the file goes on.
 */
@Component
public class IslandFileRoutes extends RouteBuilder {

    private static final String FILE_OPTIONS = "&move=.done&moveFailed=.failed&readLock=changed&readLockMinAge=200";

    private final ConsistencyProperties properties;
    private final ChangePropagation propagation;
    private final PosIsland pos;
    private final ErpIdoc idocs;
    private final DeadLetters deadLetters;

    public IslandFileRoutes(ConsistencyProperties properties, ChangePropagation propagation, PosIsland pos, KeyCrossReference keys,
                            DeadLetters deadLetters) {
        this.properties = properties;
        this.propagation = propagation;
        this.pos = pos;
        this.idocs = new ErpIdoc(keys);
        this.deadLetters = deadLetters;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .process(this::deadLetter);

        from("file:" + properties.inbox() + "/pos?include=eod-.*\\.txt" + FILE_OPTIONS).routeId("pos-end-of-day")
                .split(body().tokenize("\n")).streaming()
                    .filter(body().isNotEqualTo(""))
                    .setProperty("island", constant(Island.POS))
                    .setProperty("rawLine", body())
                    .unmarshal(new BindyFixedLengthDataFormat(EndOfDayLine.class))
                    .process(this::sell)
                .end();

        from("file:" + properties.inbox() + "/erp?include=.*\\.xml" + FILE_OPTIONS).routeId("erp-idoc")
                .setProperty("island", constant(Island.ERP))
                .process(this::state);
    }

    private void sell(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        EndOfDayLine line = (EndOfDayLine) (body instanceof List<?> list ? list.get(0) : body);
        propagation.sell(pos.sale(line));
    }

    private void state(Exchange exchange) {
        byte[] idoc = exchange.getMessage().getBody(byte[].class);
        exchange.setProperty("rawLine", new String(idoc, java.nio.charset.StandardCharsets.UTF_8));
        idocs.read(idoc).forEach(record -> propagation.applyStatement(record, Island.ERP));
        log.info("ERP IDoc {} applied", ErpIdoc.documentNumber(idoc));
    }

    private void deadLetter(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Island island = exchange.getProperty("island", Island.class);
        String file = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String reason = cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        deadLetters.record(island == null ? Island.HUB : island, file, -1, reason, exchange.getProperty("rawLine", String.class));
        log.warn("{} file {}: dead-lettered: {}", island, file, reason);
    }
}
