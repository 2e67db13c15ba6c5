package org.retailhub.app.cockpit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.retailhub.domain.consistency.ConsistencyReports;
import org.retailhub.domain.consistency.EntityKind;
import org.retailhub.domain.consistency.Island;
import org.retailhub.processes.consistency.ReconciliationProcess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How consistent the islands are, for the Cockpit plugin: the latest reconciliation report, its trend over the last
 * runs, the latest report's mismatches by kind (customers' keys and details only for readers of personal data,
 * masked), the duplicate-customer decisions waiting in Tasklist, and how far change capture is behind each island.
 */
@Component
class ConsistencyView {

    static final int TREND_RUNS = 20;
    static final int MISMATCHES_SHOWN = 200;

    private final ConsistencyReports reports;
    private final JdbcTemplate jdbc;
    private final FilterService filters;
    private final MeterRegistry meters;

    ConsistencyView(ConsistencyReports reports, JdbcTemplate jdbc, FilterService filters, MeterRegistry meters) {
        this.reports = reports;
        this.jdbc = jdbc;
        this.filters = filters;
        this.meters = meters;
    }

    /** Duplicate customers waiting for an operator, and Tasklist's filter that lists them (if one does that the reader may read). */
    record Decisions(int open, String tasklistFilterId) {
    }

    /** Change capture's delay from an island's commit to the hub on this instance: changes and mean since it started, the maximum of the last minutes. */
    record CaptureLag(long changes, double meanMillis, double maxMillis) {
    }

    /** The page: {@code latest} is absent before the first run; {@code mismatches} of the latest report only. */
    record Page(Optional<ConsistencyReports.Stored> latest, List<ConsistencyReports.Stored> trend, Map<EntityKind, Integer> mismatchCounts,
                List<ConsistencyReports.MismatchShown> mismatches, boolean personalData, Decisions decisions, Map<Island, CaptureLag> captureLag) {
    }

    Page page(Optional<EntityKind> kind, boolean personalData) {
        Optional<ConsistencyReports.Stored> latest = reports.latest();
        Map<EntityKind, Integer> counts = latest.map(r -> reports.mismatchCounts(r.id())).orElse(Map.of());
        List<ConsistencyReports.MismatchShown> mismatches = latest
                .map(r -> reports.mismatches(r.id(), kind, MISMATCHES_SHOWN, personalData)).orElse(List.of());
        return new Page(latest, reports.trend(TREND_RUNS), counts, mismatches, personalData, decisions(), captureLag());
    }

    /** The latest report's share of consistent records per kind (empty before the first run). */
    Map<EntityKind, BigDecimal> percentPerKind() {
        Map<EntityKind, BigDecimal> percent = new LinkedHashMap<>();
        reports.latest().ifPresent(r -> r.kinds().forEach(k -> percent.put(k.kind(), k.percent())));
        return percent;
    }

    Decisions decisions() {
        Integer open = jdbc.queryForObject("select count(*) from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_ "
                + "where d.key_ = ? and t.task_def_key_ = ?", Integer.class, ReconciliationProcess.PROCESS_KEY, ReconciliationProcess.CHOOSE_SURVIVOR);
        return new Decisions(open == null ? 0 : open, decisionFilter().orElse(null));
    }

    /**
     * Tasklist's shared filter (no owner) whose query names the duplicate decision, found by what it lists, not by its
     * name; only among the filters the signed-in person may read (Camunda checks the filter grants), so an analyst,
     * who gets no such filter in Tasklist either, gets no link.
     */
    private Optional<String> decisionFilter() {
        return filters.createFilterQuery().filterResourceType(EntityTypes.TASK).list().stream()
                .filter(f -> f.getOwner() == null)
                .filter(f -> f.getQuery() instanceof TaskQueryImpl query && query.getKeys() != null
                        && Arrays.asList(query.getKeys()).contains(ReconciliationProcess.CHOOSE_SURVIVOR))
                .map(Filter::getId).findFirst();
    }

    /** Per island whose changes this instance applied since it started; empty where change capture runs elsewhere or is off. */
    Map<Island, CaptureLag> captureLag() {
        Map<Island, CaptureLag> lag = new LinkedHashMap<>();
        for (Timer timer : meters.find("hub.cdc.lag").timers()) {
            Arrays.stream(Island.values()).filter(i -> i.name().equals(timer.getId().getTag("island"))).findFirst().ifPresent(island ->
                    lag.put(island, new CaptureLag(timer.count(), timer.mean(TimeUnit.MILLISECONDS), timer.max(TimeUnit.MILLISECONDS))));
        }
        return lag;
    }

    /** Open Camunda incidents of every process. */
    int openIncidents() {
        Integer open = jdbc.queryForObject("select count(*) from act_ru_incident", Integer.class);
        return open == null ? 0 : open;
    }
}
