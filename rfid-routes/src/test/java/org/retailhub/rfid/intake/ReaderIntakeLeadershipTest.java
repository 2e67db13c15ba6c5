package org.retailhub.rfid.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.cluster.LeaderLock;
import org.retailhub.rfid.reads.ReaderFormat;

/**
 * Two hub instances' reader intakes on one real PostgreSQL: only the instance that leads runs the reader routes; when
 * its database session ends (as when its process is killed) the other starts them at its next check and the old
 * leader stops its own. The routes here stand for the MQTT ones (their subscription is {@code ReaderRoutesTest}'s).
 */
class ReaderIntakeLeadershipTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @Test
    void onlyTheLeaderSubscribesAndTheOtherInstanceTakesOverWhenItDies() throws Exception {
        AtomicReference<Connection> firstSession = new AtomicReference<>();
        try (CamelContext firstHub = hub(); CamelContext secondHub = hub()) {
            ReaderIntakeLeadership first = leadership(firstHub, new LeaderLock("rfid-intake", () -> {
                firstSession.set(session());
                return firstSession.get();
            }));
            ReaderIntakeLeadership second = leadership(secondHub, new LeaderLock("rfid-intake", ReaderIntakeLeadershipTest::session));

            first.check();
            second.check();
            assertThat(routes(firstHub)).as("the leader subscribes").containsOnly(ServiceStatus.Started);
            assertThat(routes(secondHub)).as("the other instance does not").containsOnly(ServiceStatus.Stopped);
            first.check();
            assertThat(routes(firstHub)).as("the leader stays subscribed").containsOnly(ServiceStatus.Started);

            try (Connection admin = session()) {
                // with a timeout it waits until the backend is gone with its session's locks (as LeaderLockIT does):
                // without one it only signals, and CI once asked for the lock before the backend had ended
                admin.createStatement().execute("select pg_terminate_backend("
                        + firstSession.get().unwrap(org.postgresql.PGConnection.class).getBackendPID() + ", 10000)");
            }
            second.check();
            assertThat(second.leading()).isTrue();
            assertThat(routes(secondHub)).as("the other instance takes over").containsOnly(ServiceStatus.Started);
            first.check();
            assertThat(first.leading()).isFalse();
            assertThat(routes(firstHub)).as("the old leader lets go").containsOnly(ServiceStatus.Stopped);

            second.stop();
            first.check();
            assertThat(routes(firstHub)).as("a graceful stop hands the lead on at the next check").containsOnly(ServiceStatus.Started);
            first.stop();
        }
    }

    private static ReaderIntakeLeadership leadership(CamelContext hub, LeaderLock lock) {
        ReaderIntakeProperties properties = new ReaderIntakeProperties(true, "tcp://localhost:1883", "", "", "test", "rfid", 1,
                "rfid.deadletter", Duration.ofSeconds(5), Duration.ofSeconds(1),
                new ReaderIntakeProperties.Retry(-1, Duration.ofMillis(500), Duration.ofSeconds(10)),
                new ReaderIntakeProperties.Leadership(true, Duration.ofSeconds(2)));
        return new ReaderIntakeLeadership(properties, hub, lock, new SimpleMeterRegistry());
    }

    /** A hub's Camel with the reader routes' ids, which do not start by themselves under leadership. */
    private static CamelContext hub() throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (ReaderFormat format : ReaderFormat.values()) {
                    from("direct:" + format.slug()).routeId(ReaderRoutes.routeId(format)).autoStartup(false).log("read");
                }
            }
        });
        camel.start();
        return camel;
    }

    private static List<ServiceStatus> routes(CamelContext hub) {
        return java.util.Arrays.stream(ReaderFormat.values()).map(f -> hub.getRouteController().getRouteStatus(ReaderRoutes.routeId(f))).toList();
    }

    private static Connection session() throws SQLException {
        return DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
    }
}
