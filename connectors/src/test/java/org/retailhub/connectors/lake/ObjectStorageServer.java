package org.retailhub.connectors.lake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real S3-compatible server for tests: s3rver (npm, installed into {@code target/s3rver} by this module's build),
 * started with node on a free port with one bucket, its objects kept in a folder; stopped with {@link #close}.
 */
final class ObjectStorageServer implements AutoCloseable {

    /** s3rver's fixed development credentials (it accepts no others). */
    static final String ACCESS_KEY = "S3RVER";
    static final String SECRET_KEY = "S3RVER";

    private static final Pattern LISTENING = Pattern.compile("s3rver listening on (\\d+)");

    private final Process node;
    private final int port;

    private ObjectStorageServer(Process node, int port) {
        this.node = node;
        this.port = port;
    }

    static ObjectStorageServer start(Path objects, String bucket) throws IOException {
        Process node = new ProcessBuilder("node", "serve.js", objects.toString(), bucket)
                .directory(Path.of("target/s3rver").toFile()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                return new ObjectStorageServer(node, Integer.parseInt(listening.group(1)));
            }
        }
        node.destroyForcibly();
        throw new IOException("s3rver did not start (is target/s3rver installed by the build, and node on the PATH?)");
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        node.destroy();
        if (!node.waitFor(10, TimeUnit.SECONDS)) {
            node.destroyForcibly();
        }
    }
}
