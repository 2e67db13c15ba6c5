package org.retailhub.simulator;

import ch.qos.logback.classic.Level;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.retailhub.domain.consistency.Island;
import org.retailhub.simulator.crm.CrmCustomerApi;
import org.retailhub.simulator.crm.CrmGiftCardSimulator;
import org.retailhub.simulator.erp.ErpDeliverySimulator;
import org.retailhub.simulator.psp.PspSimulator;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs one simulator as a process of its own ({@code ops/scripts/simulator.sh}), so a crash test can kill the hub and
 * not the party whose memory the hub must reconcile with:
 * <pre>
 * simulator psp            [--port 8091] [--state-dir .hub-data/simulators/psp] [--webhook-url URL] [--webhook-secret S]
 *                          [--webhook-delay PT2S] [--latency PT0S]
 * simulator crm-gift-cards [--port 8092] [--state-dir .hub-data/simulators/crm-gift-cards]
 * simulator erp            [--port 8093] [--state-dir .hub-data/simulators/erp]
 * simulator crm-customers  [--port 8094] --database JDBC-URL [--database-user crm_owner] [--database-password P]
 *                          [--api-user RETAILHUB] [--api-password retailhub-dev-only]
 * </pre>
 * Once it answers it prints {@code simulator <party> listening on http://127.0.0.1:<port>}; it stops on SIGTERM, and
 * whatever it answered before a SIGKILL is there again at the next start with the same state.
 */
public final class SimulatorCommand {

    /** DEV-ONLY: the webhook secret of the hub's embedded default ({@code hub.payment.psp.webhook-secret}). */
    static final String DEV_ONLY_WEBHOOK_SECRET = "dev-only-webhook-secret-change-me";

    private SimulatorCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        if (args.length == 0 || args.length % 2 == 0) {
            usage("name a simulator, then options in pairs");
        }
        String party = args[0];
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                usage("not an option: " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        Simulator simulator = start(party, options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "simulator-stop"));
        System.out.println("simulator " + party + " listening on " + simulator.baseUrl());
        System.out.flush();
        stopped.await();
    }

    static Simulator start(String party, Map<String, String> options) {
        Path state = Path.of(options.getOrDefault("state-dir", ".hub-data/simulators/" + party));
        Simulator simulator = switch (party) {
            case "psp" -> psp(port(options, 8091), state, options);
            case "crm-gift-cards" -> CrmGiftCardSimulator.start(port(options, 8092), state);
            case "erp" -> ErpDeliverySimulator.start(port(options, 8093), state);
            case "crm-customers" -> crmCustomers(port(options, 8094), options);
            default -> throw usage("no simulator named " + party + " (psp, crm-gift-cards, crm-customers, erp)");
        };
        if (!"crm-customers".equals(party)) {
            System.out.println("simulator " + party + " keeps its state in " + state.toAbsolutePath());
        }
        return simulator;
    }

    private static PspSimulator psp(int port, Path state, Map<String, String> options) {
        PspSimulator psp = PspSimulator.start(port, state, options.getOrDefault("webhook-secret", DEV_ONLY_WEBHOOK_SECRET));
        psp.webhookDelay(Duration.parse(options.getOrDefault("webhook-delay", "PT2S")));
        psp.latency(Duration.parse(options.getOrDefault("latency", "PT0S")));
        if (options.containsKey("webhook-url")) {
            psp.sendWebhooksTo(java.net.URI.create(options.get("webhook-url")));
        }
        return psp;
    }

    /** The CRM customer API keeps its state where the CRM does: in the CRM's database, which the hub's embedded default creates. */
    private static CrmCustomerApi crmCustomers(int port, Map<String, String> options) {
        if (!options.containsKey("database")) {
            throw usage("crm-customers needs --database, the CRM's JDBC URL (e.g. jdbc:postgresql://localhost:5433/legacy_crm)");
        }
        HikariDataSource crm = new HikariDataSource();
        crm.setPoolName("crm-database");
        crm.setJdbcUrl(options.get("database"));
        crm.setUsername(options.getOrDefault("database-user", "crm_owner"));
        crm.setPassword(options.getOrDefault("database-password", "hub-dev-only"));
        crm.setMaximumPoolSize(4);
        return CrmCustomerApi.start(port, new JdbcTemplate(crm),
                Map.of(options.getOrDefault("api-user", Island.HUB_WRITER), options.getOrDefault("api-password", "retailhub-dev-only")));
    }

    private static int port(Map<String, String> options, int otherwise) {
        return options.containsKey("port") ? Integer.parseInt(options.get("port")) : otherwise;
    }

    private static IllegalArgumentException usage(String problem) {
        System.err.println("simulator: " + problem);
        System.err.println("usage: simulator <psp|crm-gift-cards|crm-customers|erp> [--port N] [--state-dir DIR] [party options]"
                + " (see ops/scripts/simulator.sh)");
        System.exit(2);
        return new IllegalArgumentException(problem);
    }
}
