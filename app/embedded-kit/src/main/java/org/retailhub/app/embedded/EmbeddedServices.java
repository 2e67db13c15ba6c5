package org.retailhub.app.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Starts the embedded PostgreSQL and Kafka broker before the application context exists, and points
 * the datasource, Spring Kafka and Camel's Kafka component at them. Stops both when the context closes.
 */
public class EmbeddedServices implements EnvironmentPostProcessor {

    private final Log log;

    public EmbeddedServices(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedServices.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        EmbeddedProperties props = Binder.get(environment).bind("hub.embedded", EmbeddedProperties.class)
                .orElseGet(() -> new EmbeddedProperties(true, "", 5433, 0));
        if (!props.enabled() || environment.getPropertySources().contains("hub-embedded")) {
            return;
        }
        long started = System.nanoTime();
        Path dataDir = dataDir(props);
        boolean throwAway = props.dataDir().isBlank();
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, props.postgresPort());
        postgres.orphanStopped().ifPresent(pid -> log.warn("PostgreSQL (pid " + pid + ") was still running on " + dataDir
                + " without the hub that started it (killed?): stopped it before this start"));
        Path kafkaDir = EmbeddedKafkaServer.folderFor(dataDir, throwAway);
        EmbeddedKafkaServer kafka;
        try {
            kafka = EmbeddedKafkaServer.start(kafkaDir, props.kafkaPort());
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }

        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.datasource.url", postgres.jdbcUrl());
        settings.put("spring.datasource.username", EmbeddedPostgresServer.ROLE);
        settings.put("spring.datasource.password", EmbeddedPostgresServer.DEV_ONLY_PASSWORD);
        settings.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        settings.put("hub.embedded.postgres-actual-port", postgres.port());
        List<String> islands = List.of("pos", "erp", "crm");
        postgres.createLegacyDatabases(islands);
        for (String island : islands) {
            settings.put("hub.islands." + island + ".url", postgres.jdbcUrl(EmbeddedPostgresServer.legacyDatabase(island)));
            settings.put("hub.islands." + island + ".username", island + "_owner");
            settings.put("hub.islands." + island + ".password", EmbeddedPostgresServer.DEV_ONLY_PASSWORD);
        }
        settings.put("hub.cdc.username", EmbeddedPostgresServer.CDC_ROLE);
        settings.put("hub.cdc.password", EmbeddedPostgresServer.DEV_ONLY_PASSWORD);
        environment.getPropertySources().addFirst(new MapPropertySource("hub-embedded", settings));
        log.info("Embedded PostgreSQL on port " + postgres.port() + " and Kafka at " + kafka.bootstrapServers()
                + " started in " + (System.nanoTime() - started) / 1_000_000 + " ms");

        Runnable stop = new Runnable() {
            private boolean stopped;

            @Override
            public synchronized void run() {
                if (!stopped) {
                    stopped = true;
                    kafka.close();
                    postgres.close();
                    if (throwAway) {
                        FileSystemUtils.deleteRecursively(dataDir.toFile());
                        FileSystemUtils.deleteRecursively(kafkaDir.toFile());
                    }
                }
            }
        };
        // registered before any other bean, so destroyed after all of them: the pool and the engine close first
        application.addInitializers(context -> ((DefaultListableBeanFactory) context.getBeanFactory())
                .registerDisposableBean("hubEmbeddedServers", stop::run));
        EmbeddedStartFailure.stopIfTheStartFails(application, stop);
    }

    private static Path dataDir(EmbeddedProperties props) {
        try {
            return props.dataDir().isBlank() ? Files.createTempDirectory("retail-hub-pg") : Path.of(props.dataDir()).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
