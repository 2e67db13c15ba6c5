package org.retailhub.app.cockpit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.retailhub.security.pii.PiiMasking;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One order's journey as a single timeline for the Cockpit plugin: its status history, the process instances that ran
 * for it (finished ones too, which Cockpit's community edition does not show), its payment and the provider's
 * answers, and the events it published. Found by id, order number ({@code RH-…}) or channel and external id
 * ({@code WEB:SHOP-1}). Orders hold no personal data; reasons are masked all the same.
 */
@Component
public class OrderJourney {

    private static final Pattern NUMBER = Pattern.compile("RH-\\d{8}");
    private static final Pattern CHANNEL_ID = Pattern.compile("([A-Z]{2,16})[: ]([A-Za-z0-9._:-]{1,64})");
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final JdbcTemplate jdbc;
    private final HistoryService history;

    OrderJourney(JdbcTemplate jdbc, HistoryService history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    /** A moment of the journey; {@code processInstanceId} names a running instance, which Cockpit can open. */
    public record Step(Instant at, String kind, String what, String detail, String processInstanceId) {
    }

    /** The order as its channel and the hub name it, and its steps in time order. */
    public record Journey(String id, String orderNumber, String channel, String externalId, String storeId, String status,
                          Instant receivedAt, List<Step> steps) {
    }

    /** The journey of the order {@code query} names, if there is one. */
    public Optional<Journey> of(String query) {
        String q = query == null ? "" : query.strip();
        String where;
        Object[] args;
        Matcher channel = CHANNEL_ID.matcher(q);
        if (ID.matcher(q).matches()) {
            where = "id = ?";
            args = new Object[] {UUID.fromString(q)};
        } else if (NUMBER.matcher(q).matches()) {
            where = "order_number = ?";
            args = new Object[] {q};
        } else if (channel.matches()) {
            where = "channel = ? and external_id = ?";
            args = new Object[] {channel.group(1), channel.group(2)};
        } else {
            return Optional.empty();
        }
        return jdbc.query("select id, order_number, channel, external_id, store_id, status, received_at from hub.customer_order where " + where,
                (rs, i) -> new Journey(rs.getString("id"), rs.getString("order_number"), rs.getString("channel"), rs.getString("external_id"),
                        rs.getString("store_id"), rs.getString("status"), rs.getTimestamp("received_at").toInstant(), List.of()), args)
                .stream().findFirst().map(order -> {
                    List<Step> steps = new ArrayList<>();
                    steps.add(new Step(order.receivedAt(), "CHANNEL", "received from " + order.channel(),
                            "external id " + order.externalId() + ", store " + order.storeId(), null));
                    steps.addAll(steps(UUID.fromString(order.id())));
                    steps.sort(Comparator.comparing(Step::at));
                    return new Journey(order.id(), order.orderNumber(), order.channel(), order.externalId(),
                            order.storeId(), order.status(), order.receivedAt(), steps);
                });
    }

    private List<Step> steps(UUID order) {
        List<Step> steps = new ArrayList<>();
        jdbc.query("select status, reason, at from hub.order_history where order_id = ?", rs -> {
            steps.add(new Step(at(rs.getTimestamp("at")), "STATUS", rs.getString("status"), PiiMasking.mask(rs.getString("reason")), null));
        }, order);
        jdbc.query("select method, amount, currency, status, reason, created_at, updated_at from hub.payment where order_id = ?", rs -> {
            steps.add(new Step(at(rs.getTimestamp("created_at")), "PAYMENT", "payment requested",
                    rs.getString("method") + " " + rs.getBigDecimal("amount").toPlainString() + " " + rs.getString("currency"), null));
            if (rs.getTimestamp("updated_at").after(rs.getTimestamp("created_at"))) {
                steps.add(new Step(at(rs.getTimestamp("updated_at")), "PAYMENT", "payment " + rs.getString("status"),
                        PiiMasking.mask(rs.getString("reason")), null));
            }
        }, order);
        jdbc.query("select e.provider, e.received_at from hub.payment_provider_event e join hub.payment p on p.id = e.payment_id where p.order_id = ?",
                rs -> {
                    steps.add(new Step(at(rs.getTimestamp("received_at")), "PAYMENT", "answer of " + rs.getString("provider"), null, null));
                }, order);
        stockSteps(order, steps);
        jdbc.query("select topic, event_type, created_at, published_at from hub.outbox where event_key = ?", rs -> {
            Timestamp published = rs.getTimestamp("published_at");
            steps.add(new Step(at(rs.getTimestamp("created_at")), "EVENT", rs.getString("event_type"),
                    published == null ? "not yet published to " + rs.getString("topic") : "published to " + rs.getString("topic"), null));
        }, order.toString());
        // Cockpit's community edition shows running instances only: those are linked, a finished one is named
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(order.toString()).list()) {
            boolean running = instance.getEndTime() == null;
            steps.add(new Step(instance.getStartTime().toInstant(), "PROCESS", instance.getProcessDefinitionKey() + " started",
                    "version " + instance.getProcessDefinitionVersion() + ", instance " + instance.getId(), running ? instance.getId() : null));
            if (!running) {
                steps.add(new Step(instance.getEndTime().toInstant(), "PROCESS", instance.getProcessDefinitionKey() + " " + instance.getState(),
                        "ended at " + instance.getEndActivityId(), null));
            }
        }
        erpDelivery(order, steps);
        steps.sort(Comparator.comparing(Step::at));
        return steps;
    }

    /** The order's reservations (held, then committed or released) and its goods issues posted to the ERP. */
    private void stockSteps(UUID order, List<Step> steps) {
        jdbc.query("select line_no, store_id, sku, quantity, state, created_at, settled_at from hub.reservation where order_id = ?", rs -> {
            String what = rs.getInt("quantity") + " x " + rs.getString("sku") + " at " + rs.getString("store_id") + " (line " + rs.getInt("line_no") + ")";
            steps.add(new Step(at(rs.getTimestamp("created_at")), "STOCK", "reserved", what, null));
            if (rs.getTimestamp("settled_at") != null) {
                steps.add(new Step(at(rs.getTimestamp("settled_at")), "STOCK", "reservation " + rs.getString("state").toLowerCase(java.util.Locale.ROOT), what, null));
            }
        }, order);
        jdbc.query("select posting_ref, store_id, sku, quantity, created_at, posted_at from hub.stock_posting where posting_ref like ?", rs -> {
            String what = rs.getInt("quantity") + " x " + rs.getString("sku") + " at " + rs.getString("store_id") + ", movement " + rs.getString("posting_ref");
            Timestamp posted = rs.getTimestamp("posted_at");
            steps.add(new Step(at(posted == null ? rs.getTimestamp("created_at") : posted), "STOCK",
                    posted == null ? "goods movement waiting for the ERP" : "goods movement posted to the ERP", what, null));
        }, order + "/%");
    }

    /**
     * The ERP's delivery for the order, at the end of the process that handed it over: the order's own (its last step
     * so far), or the delivery model that orders of the release before issue 18 called.
     */
    private void erpDelivery(UUID order, List<Step> steps) {
        String delivery = jdbc.query("select delivery_id from hub.customer_order where id = ?",
                rs -> rs.next() ? rs.getString(1) : null, order);
        if (delivery == null) {
            return;
        }
        Instant when = steps.stream().filter(step -> "PROCESS".equals(step.kind()) && step.what().startsWith("delivery "))
                .map(Step::at).max(Comparator.naturalOrder()).orElseGet(() -> steps.stream().map(Step::at).max(Comparator.naturalOrder()).orElse(null));
        if (when == null) {
            return;
        }
        steps.add(new Step(when, "ERP", "delivery created at the ERP", "delivery " + delivery, null));
    }

    private static Instant at(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
