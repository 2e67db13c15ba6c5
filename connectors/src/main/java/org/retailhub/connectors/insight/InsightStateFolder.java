package org.retailhub.connectors.insight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/**
 * Where the insight stream keeps its state stores: the configured folder, else {@code insight/} beside the embedded
 * default's data folder (so a restart restores from it instead of from the changelog topics), else a temporary
 * folder removed when the hub stops (tests).
 */
final class InsightStateFolder implements AutoCloseable {

    private final Path path;
    private final boolean throwAway;

    private InsightStateFolder(Path path, boolean throwAway) {
        this.path = path;
        this.throwAway = throwAway;
    }

    static InsightStateFolder of(String configured, String embeddedDataDir) {
        try {
            if (!configured.isBlank()) {
                return new InsightStateFolder(Path.of(configured).toAbsolutePath(), false);
            }
            if (embeddedDataDir != null && !embeddedDataDir.isBlank()) {
                Path data = Path.of(embeddedDataDir).toAbsolutePath();
                return new InsightStateFolder((data.getParent() == null ? data : data.getParent()).resolve("insight"), false);
            }
            return new InsightStateFolder(Files.createTempDirectory("retail-hub-insight-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("no folder for the insight stream's state", e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        if (throwAway) {
            FileSystemUtils.deleteRecursively(path.toFile());
        }
    }
}
