package org.retailhub.app.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.retailhub.domain.consistency.Island;
import org.retailhub.routes.order.IntakeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * What the database knows about the flows, read every {@code hub.operations.meter-refresh}: orders by status and
 * channel, payments by status and method, open incidents per model and step, open dead letters per island, the
 * latest reconciliation per kind of record and the stock turnover of the last 30 days. Every hub instance reports the
 * same numbers (they read one database); dashboards and alerts take the {@code max} over instances.
 */
@Component
class FlowGauges {

    private static final Logger log = LoggerFactory.getLogger(FlowGauges.class);

    private final JdbcTemplate jdbc;
    private final List<Reading> readings = new ArrayList<>();
    private final AtomicReference<Double> turnover = new AtomicReference<>(Double.NaN);

    FlowGauges(JdbcTemplate jdbc, MeterRegistry meters, TaskScheduler scheduler, OperationsProperties properties, IntakeProperties intake) {
        this.jdbc = jdbc;
        // dead letter counters from zero, so that the first dead letter is an increase Prometheus can see
        List.of(intake.webTopic(), intake.appTopic(), intake.marketplaceTopic(), intake.posTopic())
                .forEach(topic -> meters.counter("hub.orders.deadlettered", "topic", topic));
        Arrays.stream(Island.values()).forEach(island -> meters.counter("hub.cdc.dead.letters", "island", island.name()));
        reading(meters, "hub.orders", "orders in the hub by status and channel",
                "select status, channel, count(*) from hub.customer_order group by status, channel", "status", "channel");
        reading(meters, "hub.payments", "payments by status and method",
                "select status, method, count(*) from hub.payment group by status, method", "status", "method");
        reading(meters, "hub.process.incidents.open", "open Camunda incidents per model and step",
                "select d.key_, i.activity_id_, count(*) from act_ru_incident i join act_re_procdef d on d.id_ = i.proc_def_id_ "
                        + "group by d.key_, i.activity_id_", "process", "step");
        reading(meters, "hub.cdc.dead.letters.open", "captured changes and island file lines not applied, not yet resolved",
                "select island, 'open', count(*) from hub.cdc_dead_letter where resolved_at is null group by island", "island", "state");
        reading(meters, "hub.consistency.kind.percent", "records of each kind consistent across the islands, latest reconciliation",
                "select k.kind, r.stage, k.percent from hub.consistency_report_kind k join hub.consistency_report r on r.id = k.report_id "
                        + "where r.id = (select max(id) from hub.consistency_report)", "kind", "stage");
        Gauge.builder("hub.stock.turnover.30d", turnover, AtomicReference::get)
                .description("pieces that left stock in the last 30 days per piece on hand now").register(meters);
        scheduler.scheduleWithFixedDelay(this::refresh, properties.meterRefresh());
    }

    private void reading(MeterRegistry meters, String name, String description, String sql, String firstTag, String secondTag) {
        readings.add(new Reading(name, MultiGauge.builder(name).description(description).register(meters), sql, firstTag, secondTag));
    }

    void refresh() {
        for (Reading reading : readings) {
            try {
                reading.gauge().register(jdbc.query(reading.sql(), (rs, n) -> MultiGauge.Row.of(
                        Tags.of(reading.firstTag(), String.valueOf(rs.getString(1)), reading.secondTag(), String.valueOf(rs.getString(2))),
                        rs.getDouble(3))), true);
            } catch (RuntimeException e) {
                log.warn("Could not read {} for the metrics: {}", reading.name(), e.getMessage());
            }
        }
        try {
            Double value = jdbc.queryForObject("select (select coalesce(sum(quantity), 0) from hub.stock_posting "
                    + "where created_at > now() - interval '30 days')::float8 / nullif((select sum(on_hand) from hub.stock), 0)", Double.class);
            turnover.set(value == null ? Double.NaN : value);
        } catch (RuntimeException e) {
            log.warn("Could not read the stock turnover for the metrics: {}", e.getMessage());
        }
    }

    private record Reading(String name, MultiGauge gauge, String sql, String firstTag, String secondTag) {
    }
}
