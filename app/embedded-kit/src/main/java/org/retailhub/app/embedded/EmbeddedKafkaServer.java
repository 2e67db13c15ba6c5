package org.retailhub.app.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * The embedded default's Kafka: one KRaft node (broker and controller, node id {@value #NODE_ID}) whose log lives in
 * a folder of the hub's data. Topics, committed consumer offsets and producer state survive a restart, and also a
 * SIGKILL of the hub: the broker then recovers its log as any Kafka does after a crash, so a channel message that was
 * on a topic before the kill is still there, and the intake's committed offset with it. The folder is formatted once
 * (with a cluster id of its own, kept in its {@code meta.properties}); Kafka locks it while the broker runs, so a
 * second hub on the same data folder stops with Kafka's own message.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    public static final int NODE_ID = 1;
    private static final String CONTROLLER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDir;

    private EmbeddedKafkaServer(KafkaRaftServer server, int port, Path logDir) {
        this.server = server;
        this.port = port;
        this.logDir = logDir;
    }

    /**
     * Starts the broker on its log folder, formatting the folder first if it is new.
     *
     * @param port the clients' port; 0 = any free port (the controller always takes a free one)
     */
    public static EmbeddedKafkaServer start(Path logDir, int port) {
        try {
            Files.createDirectories(logDir);
            int clientPort = port > 0 ? port : freePort();
            KafkaConfig config = new KafkaConfig(settings(logDir, clientPort, freePort()), false);
            format(logDir);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            return new EmbeddedKafkaServer(server, clientPort, logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Kafka did not start in " + logDir, e);
        }
    }

    /**
     * The broker's folder beside PostgreSQL's in the hub's data folder ({@code .hub-data/postgres} → {@code .hub-data/kafka}),
     * or a temporary one of its own when PostgreSQL's is thrown away too.
     */
    public static Path folderFor(Path postgresDataDir, boolean throwAway) {
        try {
            return throwAway ? Files.createTempDirectory("retail-hub-kafka") : postgresDataDir.resolveSibling("kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public Path logDir() {
        return logDir;
    }

    private static Map<String, Object> settings(Path logDir, int clientPort, int controllerPort) {
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        // a static quorum of this one node: its address may change from run to run, its id and log stay
        p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + clientPort + "," + CONTROLLER + "://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + clientPort);
        p.put("controller.listener.names", CONTROLLER);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // a small machine's broker: the log cleaner's default buffer is 128 MB
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        return p;
    }

    /**
     * Writes {@code meta.properties} and the bootstrap metadata into a new folder, with a new cluster id; a formatted
     * folder keeps its own (the formatter leaves it as it is, but checks the id it is given against it).
     */
    private static void format(Path logDir) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId(logDir))
                    .setControllerListenerName(CONTROLLER)
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format the embedded Kafka's folder " + logDir, e);
        }
    }

    private static String clusterId(Path logDir) throws IOException {
        Path meta = logDir.resolve("meta.properties");
        if (!Files.exists(meta)) {
            return Uuid.randomUuid().toString();
        }
        Properties properties = new Properties();
        try (var in = Files.newInputStream(meta)) {
            properties.load(in);
        }
        return properties.getProperty("cluster.id", Uuid.randomUuid().toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the broker cleanly: its log is flushed and marked clean, so the next start needs no recovery. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
